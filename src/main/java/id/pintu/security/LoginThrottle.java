package id.pintu.security;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    /** Per user, the digest of the credentials that last logged in; a failed login removes it. */
    private final Map<String, String> trusted = new ConcurrentHashMap<>();
    private final byte[] salt = new SecureRandom().generateSeed(16);

    public LoginThrottle(LoginThrottleProperties properties, Clock clock, AuditTrail audit) {
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * A login attempt that may go on to the password check, or is refused, and for how long. One that goes on holds
     * its place in the windows of its usernames and address until {@link Attempt#close()}: the password check takes
     * ~80 ms of bcrypt and its failure is counted only after it, so a burst of guesses sent at once all passed a mere
     * look at the lock before the fifth failure was counted (27 of 30 were checked). Now, once a username has
     * failures, only as many attempts for it are under way at once as failures are left before the lock, and one
     * without failures takes a bounded burst (see {@code Window.begin}); the others are refused for a second.
     */
    public static final class Attempt implements AutoCloseable {
        private final Duration refusedFor;
        private final boolean busy;
        private final List<Window> held;

        private Attempt(Duration refusedFor, boolean busy, List<Window> held) {
            this.refusedFor = refusedFor;
            this.busy = busy;
            this.held = held;
        }

        /** Refused because as many attempts are under way as failures are left, not because of a lock. */
        public boolean busy() {
            return busy;
        }

        /** How long to wait before trying again; empty when the attempt may go on. */
        public Optional<Duration> refusedFor() {
            return refusedFor.isZero() ? Optional.empty() : Optional.of(refusedFor);
        }

        @Override
        public void close() {
            held.forEach(Window::end);
        }
    }

    /**
     * How long logins for these usernames or from this address stay refused; empty when they are allowed. For a
     * request with credentials that already logged in ({@link #known}): it reserves nothing, so a client's parallel
     * API calls are not held back by the reservation of {@link #begin}.
     */
    public Optional<Duration> lockedFor(List<String> usernames, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(usernames, address)) {
            Window w = windows.get(key);
            Duration d = w == null ? Duration.ZERO : w.remaining(now);
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Whether these are the credentials the user last logged in with (kept as a salted digest, in memory only). */
    public boolean known(String username, String password) {
        String key = userKey(username);
        return key != null && password != null && digest(key, password).equals(trusted.get(key));
    }

    /** Credentials that logged in: their next requests skip the reservation of {@link #begin}. */
    public void trust(String username, String password) {
        String key = userKey(username);
        if (key != null && password != null && (trusted.size() < properties.maxEntries() || trusted.containsKey(key))) {
            trusted.put(key, digest(key, password));
        }
    }

    private String digest(String key, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((key + "\u0000" + password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Begins an attempt for these usernames (those the request names; nulls ignored) from this address. */
    public Attempt begin(List<String> usernames, String address) {
        Instant now = clock.instant();
        List<String> keys = keys(usernames, address);
        List<Window> held = new ArrayList<>();
        Duration refused = Duration.ZERO;
        boolean locked = false;
        for (String key : keys) {
            Window w = window(key, now);
            Duration wait = w == null ? Duration.ZERO : w.begin(now, properties, key.startsWith("user:"));
            if (!wait.isZero()) {
                refused = wait.compareTo(refused) > 0 ? wait : refused;
                locked |= w.remaining(now).compareTo(Duration.ZERO) > 0;
            } else if (w != null) {
                held.add(w);
            }
        }
        if (!refused.isZero()) {
            held.forEach(Window::end);
            return new Attempt(refused, !locked, List.of());
        }
        return new Attempt(Duration.ZERO, false, held);
    }

    /** The windows' keys of these usernames (nulls ignored) and this address. */
    private static List<String> keys(List<String> usernames, String address) {
        List<String> keys = new ArrayList<>();
        usernames.stream().map(LoginThrottle::userKey).filter(Objects::nonNull).distinct().forEach(keys::add);
        Optional.ofNullable(ipKey(address)).ifPresent(keys::add);
        return keys;
    }

    /** The window of a key, made if need be while the map has room (a flood of made-up names cannot fill memory). */
    private Window window(String key, Instant now) {
        Window w = windows.get(key);
        if (w != null) {
            return w;
        }
        if (windows.size() >= properties.maxEntries()) {
            windows.values().removeIf(x -> x.expired(now, properties.window()));
        }
        return windows.size() < properties.maxEntries() ? windows.computeIfAbsent(key, k -> new Window()) : null;
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null;
        Optional.ofNullable(userKey(username)).ifPresent(trusted::remove);
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

    private static String userKey(String username) {
        return username == null || username.isBlank() ? null : "user:" + username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String ipKey(String address) {
        return address == null || address.isBlank() ? null : "ip:" + address;
    }

    /** Failures inside the window, the attempts under way, and the end of a lock in force. */
    private static final class Window {
        static final int UNDER_WAY_WITHOUT_FAILURES = 4;
        static final int ADDRESS_UNDER_WAY_WITHOUT_FAILURES = 10;
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;
        private int underWay;

        /**
         * Zero when one more attempt may go on (and it is counted as under way), else how long to wait. With failures
         * in the window, as many may be under way as failures are left before the lock. Without any, a burst: for a
         * username {@value #UNDER_WAY_WITHOUT_FAILURES} times the lock's failures (a client's parallel calls before
         * its first success after a restart), for an address {@value #ADDRESS_UNDER_WAY_WITHOUT_FAILURES} times (the
         * staff of one office share it); a burst of guesses, at one name or spread over many, is bounded by them.
         */
        synchronized Duration begin(Instant now, LoginThrottleProperties p, boolean user) {
            if (now.isBefore(lockedUntil)) {
                return Duration.between(now, lockedUntil);
            }
            while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(p.window()))) {
                failures.removeFirst();
            }
            int allowed = !failures.isEmpty() ? p.maxFailures() - failures.size()
                    : (user ? UNDER_WAY_WITHOUT_FAILURES : ADDRESS_UNDER_WAY_WITHOUT_FAILURES) * p.maxFailures();
            if (underWay >= allowed) {
                return Duration.ofSeconds(1);
            }
            underWay++;
            return Duration.ZERO;
        }

        synchronized Duration remaining(Instant now) {
            return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        synchronized void end() {
            underWay = Math.max(0, underWay - 1);
        }

        synchronized boolean fail(Instant now, LoginThrottleProperties p) {
            failures.addLast(now);
            while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(p.window()))) {
                failures.removeFirst();
            }
            // The failures stay in the window after a lock begins (they left it when the lock began, and each lock
            // ending granted a fresh burst of guesses): the next failure after the lock locks again
            if (failures.size() >= p.maxFailures() && !now.isBefore(lockedUntil)) {
                lockedUntil = now.plus(p.lockout());
                return true;
            }
            return false;
        }

        synchronized boolean expired(Instant now, Duration window) {
            return underWay == 0 && !now.isBefore(lockedUntil)
                    && (failures.isEmpty() || failures.peekLast().isBefore(now.minus(window)));
        }
    }
}
