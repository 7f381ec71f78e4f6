package id.pintu.web;

import id.pintu.security.LoginThrottle;
import id.pintu.security.LoginThrottleFilter;
import id.pintu.security.SecurityConfig;
import id.pintu.security.StaffSessions;
import id.pintu.security.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages: form login with a session and CSRF tokens on every form (staff and applicant alike), behind the API
 * and actuator chains of {@code SecurityConfig}, which keep matching their own paths first. The tracking page is
 * public (its token is checked by the controller). The content security policy allows only the hub's own scripts
 * and styles, so even a value that escaped escaping could not run; documents are shown in same-origin frames.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

    static final String LOGIN_PAGE = "/masuk";
    static final String LOGOUT = "/keluar";
    static final String DENIED_PAGE = "/terlarang";

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'";

    /** Holders of {@code pintu.web.dashboard-actors} and admins: the dashboard, the survey's pages and its report. */
    @Bean(SecurityConfig.DASHBOARD_ACCESS)
    AuthorizationManager<RequestAuthorizationContext> dashboardAccess(WebProperties properties) {
        List<String> dashboard = new ArrayList<>();
        properties.dashboardActors().forEach(a -> dashboard.add(UserDirectory.ACTOR_AUTHORITY_PREFIX + a));
        dashboard.add("ROLE_ADMIN");
        return AuthorityAuthorizationManager.hasAnyAuthority(dashboard.toArray(String[]::new));
    }

    /**
     * A form of the public tracking page sent after its session expired (the applicant left the page open, or took
     * long over the survey) fails its CSRF check: it landed on the staff's refusal page ("you hold no role"), whose
     * link leads to the staff login. It goes back to the applicant's tracking page instead, which says to send it
     * again. Every other refusal shows the refusal page as before.
     */
    private static AccessDeniedHandler trackingFormExpired() {
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage(DENIED_PAGE);
        return (request, response, e) -> {
            if (e instanceof CsrfException && request.getServletPath().startsWith("/lacak")) {
                String code = request.getParameter("kode");
                String token = request.getParameter("token");
                response.sendRedirect(UriComponentsBuilder.fromPath(request.getContextPath() + "/lacak")
                        .queryParam("kode", code == null ? "" : code.strip())
                        .queryParam("token", token == null ? "" : token.strip())
                        .queryParam("kedaluwarsa", "")
                        .encode().build().toUriString());
                return;
            }
            denied.handle(request, response, e);
        };
    }

    @Bean
    @Order(10)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, StaffSessions sessions,
            @Qualifier(SecurityConfig.DASHBOARD_ACCESS) AuthorizationManager<RequestAuthorizationContext> dashboard)
            throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toPage = new SavedRequestAwareAuthenticationSuccessHandler();
        toPage.setDefaultTargetUrl("/");
        http.addFilterBefore(new LoginThrottleFilter(throttle, LOGIN_PAGE), UsernamePasswordAuthenticationFilter.class)
                // A session whose user, password or roles changed in the staff files ends at its next page.
                .addFilterBefore(sessions.filter(LOGIN_PAGE + "?berubah"), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/lacak", "/lacak/**", "/ikm", LOGIN_PAGE, DENIED_PAGE, "/error").permitAll()
                        .requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/dasbor", "/dasbor/**", "/survei", "/survei/**")
                        .access(dashboard)
                        .anyRequest().hasRole("STAFF"))
                .formLogin(form -> form
                        .loginPage(LOGIN_PAGE)
                        .loginProcessingUrl(LOGIN_PAGE)
                        .successHandler(sessions.stampingLogins(toPage))
                        .failureUrl(LOGIN_PAGE + "?galat")
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl(LOGOUT)
                        .logoutSuccessUrl(LOGIN_PAGE + "?keluar")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(e -> e.accessDeniedHandler(trackingFormExpired()))
                .headers(h -> h
                        .frameOptions(f -> f.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
