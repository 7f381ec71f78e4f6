package id.pintu.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling: after {@code maxFailures} failed logins for one username, or from one client address, within
 * {@code window}, further logins for it are refused for {@code lockout} (also with the right password).
 *
 * @param maxEntries how many usernames/addresses are tracked at most (expired ones are dropped first), so a flood
 *     of made-up names cannot exhaust memory
 */
@Validated
@ConfigurationProperties("pintu.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("5") @Min(1) int maxFailures,
        @DefaultValue("15m") @NotNull Duration window,
        @DefaultValue("15m") @NotNull Duration lockout,
        @DefaultValue("100000") @Min(100) int maxEntries) {}
