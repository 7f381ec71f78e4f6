package id.pintu.documents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The public verification page that sealed documents' QR codes open: anyone may read it, nothing is written. */
@Configuration(proxyBeanMethods = false)
class VerificationSecurityConfig {

    @Bean
    @Order(5)
    SecurityFilterChain verificationPage(HttpSecurity http) throws Exception {
        http.securityMatcher("/verifikasi/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
