package id.pintu.security;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per username and per client address and locks either after too many within the window.
 * The counters live in this instance's memory: with several hub instances behind a balancer an attacker gets at
 * most {@code maxFailures} tries per instance per window (see docs/security.md). Every failed login is recorded
 * in the audit trail (the name tried, never the password).
 */
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final AuditTrail audit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public LoginThrottle(LoginThrottleProperties properties, Clock clock, AuditTrail audit) {
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    /** How long logins for this username or from this address stay refused; empty when they are allowed. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(userKey(username), now);
        Duration ip = remaining(ipKey(address), now);
        Duration longest = user.compareTo(ip) >= 0 ? user : ip;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null;
        boolean locked = recordFailure(username, address);
        audit.append(new AuditTrail.Record(username, AuditActions.LOGIN_FAILED, null, null, null,
                address == null ? null : Map.of("address", address), null));
        if (locked) {
            LOG.warn("Logins locked for {} after {} failures (user or address {})", properties.lockout(),
                    properties.maxFailures(), address);
            audit.append(new AuditTrail.Record(username, AuditActions.LOGIN_THROTTLED, null, null, null,
                    Map.of("address", String.valueOf(address), "lockout", properties.lockout().toString()), null));
        }
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        windows.remove(userKey(event.getAuthentication().getName()));
    }

    /** Counts one failure; true when it locks the username or the address. */
    boolean recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (windows.size() >= properties.maxEntries()) {
            windows.values().removeIf(w -> w.expired(now, properties.window()));
        }
        boolean locked = false;
        for (String key : new String[] {userKey(username), ipKey(address)}) {
            if (key != null && (windows.size() < properties.maxEntries() || windows.containsKey(key))) {
                locked |= windows.computeIfAbsent(key, k -> new Window()).fail(now, properties);
            }
        }
        return locked;
    }

    private Duration remaining(String key, Instant now) {
        Window w = key == null ? null : windows.get(key);
        return w == null ? Duration.ZERO : w.remaining(now);
    }

    private static String userKey(String username) {
        return username == null || username.isBlank() ? null : "user:" + username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String ipKey(String address) {
        return address == null || address.isBlank() ? null : "ip:" + address;
    }

    /** Failures inside the window, and the end of a lock in force. */
    private static final class Window {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized boolean fail(Instant now, LoginThrottleProperties p) {
            failures.addLast(now);
            while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(p.window()))) {
                failures.removeFirst();
            }
            if (failures.size() >= p.maxFailures() && !now.isBefore(lockedUntil)) {
                lockedUntil = now.plus(p.lockout());
                failures.clear();
                return true;
            }
            return false;
        }

        synchronized Duration remaining(Instant now) {
            return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        synchronized boolean expired(Instant now, Duration window) {
            return !now.isBefore(lockedUntil)
                    && (failures.isEmpty() || failures.peekLast().isBefore(now.minus(window)));
        }
    }
}
