package id.pintu.oss.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sandbox stands in for an external system that checks its own security key, so the hub's staff login does
 * not apply to it. It exists only where the sandbox is enabled (never in the prod profile).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "pintu.oss.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
class SandboxSecurityConfig {

    @Bean
    @Order(6)
    SecurityFilterChain ossSandboxSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/oss-sandbox", "/oss-sandbox/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
