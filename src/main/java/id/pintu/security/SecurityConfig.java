package id.pintu.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The REST API is stateless: HTTP Basic on every call, no session, no CSRF token. Public: the SOPs, submitting an
 * application, the applicant's tracking (token-checked in the controller) and health. Everything else needs a
 * staff login; what a staff member may do to a task is decided by the workflow from the actor roles.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** The bean (defined with the pages) deciding who reads the head of office's dashboard and survey results. */
    public static final String DASHBOARD_ACCESS = "dashboardAccess";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, LoginThrottle throttle,
            @Qualifier(DASHBOARD_ACCESS) AuthorizationManager<RequestAuthorizationContext> dashboard) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/sops", "/api/sops/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/applications").permitAll()
                        .requestMatchers("/api/track/**").permitAll()
                        // Documents: staff (HTTP Basic) or the applicant's case token, checked in the controller.
                        .requestMatchers(HttpMethod.GET, "/api/documents/*").permitAll()
                        .requestMatchers("/api/verify", "/api/verify/**").permitAll()
                        // OSS pushes here with its shared secret, checked by the OSS inbound controller.
                        .requestMatchers(HttpMethod.POST, "/api/oss/inbound/**").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        // The survey report carries the applicants' suggestions and the follow-ups: for those who
                        // read them on the pages (/survei), not every clerk
                        .requestMatchers("/api/reports/ikm", "/api/reports/ikm.pdf").access(dashboard)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new LoginThrottleFilter(throttle, null), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, LoginThrottle throttle) throws Exception {
        // Path matchers on the request URI, not Spring MVC's: Jolokia is its own servlet, which an MVC matcher does
        // not see, so /actuator/jolokia fell through to the pages chain, where any logged-in clerk would pass.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(path.matcher("/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"),
                                path.matcher("/actuator/info")).permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(new LoginThrottleFilter(throttle, null), BasicAuthenticationFilter.class)
                // HTTP Basic on every request: a page session (form login) does not reach here, where the check that
                // signs a session out when its user changes (StaffSessions) and CSRF tokens are not; a foreign
                // site's form, which a browser would send with the admin's Basic login, is refused
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new SameOriginWrites(), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    UserDetailsService userDetailsService(UserDirectory directory, ActingOfficials acting) {
        return username -> directory.find(username)
                .map(u -> {
                    List<GrantedAuthority> authorities = new ArrayList<>();
                    // Own roles plus those held today as acting official (Plt/Plh): Callers.of(auth) sees both.
                    var roles = acting.rolesOf(u);
                    roles.forEach(a -> authorities.add(
                            new SimpleGrantedAuthority(UserDirectory.ACTOR_AUTHORITY_PREFIX + a)));
                    authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
                    if (u.admin()) {
                        authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
                    }
                    // Stamped from this same reading (StaffSessions: a browser session follows the staff files)
                    return new StaffSessions.Granted(u, roles, authorities);
                })
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
