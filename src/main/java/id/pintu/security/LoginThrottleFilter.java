package id.pintu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt while its username or client address is locked by {@link LoginThrottle}, or while as many
 * attempts are under way as failures are left before the lock, before the password is even checked: HTTP Basic
 * answers 429 with Retry-After and a JSON error; the login form goes back to the login page with {@code ?terkunci}.
 * Credentials that already logged in reserve nothing (a client's parallel API calls). Not a bean, so it runs only
 * inside the security chains that add it.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final String loginFormPath;

    /** @param loginFormPath the form login's processing URL, or null for chains without a form */
    public LoginThrottleFilter(LoginThrottle throttle, String loginFormPath) {
        this.throttle = throttle;
        this.loginFormPath = loginFormPath;
    }

    /** The user name and password of an HTTP Basic header. */
    record Credentials(String username, String password) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The pages' chain takes no HTTP Basic: there a Basic header checks no password and is no login attempt
        Credentials basic = loginFormPath != null ? null
                : basicCredentials(request.getHeader(HttpHeaders.AUTHORIZATION));
        boolean form = loginFormPath != null && HttpMethod.POST.matches(request.getMethod())
                && loginFormPath.equals(request.getServletPath());
        if (basic == null && !form) {
            chain.doFilter(request, response);
            return;
        }
        // The form's login checks the form's username (a Basic header beside it was checked instead, so a made-up
        // name in the header let the form guess a locked user's password)
        List<String> usernames = new ArrayList<>();
        if (form) {
            usernames.add(request.getParameter("username"));
        }
        if (basic != null) {
            usernames.add(basic.username());
        }
        String address = request.getRemoteAddr();
        if (!form && throttle.known(basic.username(), basic.password())) {
            Optional<Duration> locked = throttle.lockedFor(usernames, address);
            if (locked.isPresent()) {
                refuse(request, response, false, locked.get(), false);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        try (LoginThrottle.Attempt attempt = throttle.begin(usernames, address)) {
            if (attempt.refusedFor().isPresent()) {
                refuse(request, response, form, attempt.refusedFor().get(), attempt.busy());
                return;
            }
            chain.doFilter(request, response);
            if (!form && authenticatedAs(basic.username())) {
                throttle.trust(basic.username(), basic.password());
            }
        }
    }

    /**
     * Whether HTTP Basic, further down this chain, logged the request in as {@code username}: its login is still in
     * the holder here (the chain's outer filter clears it after). Not the response's status: a request answered
     * before any password was checked (a foreign site's write refused, a page) was taken for a login.
     */
    private static boolean authenticatedAs(String username) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && auth.getName().equals(username);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean form, Duration wait,
            boolean busy) throws IOException {
        long seconds = Math.max(1, wait.toSeconds());
        if (form) {
            response.sendRedirect(request.getContextPath() + loginFormPath + (busy ? "?sibuk" : "?terkunci"));
            return;
        }
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":429,\"error\":\"" + (busy
                ? "too many logins under way at once after failed ones; try again in a second"
                : "too many failed logins; try again in " + seconds + " seconds") + "\"}");
    }

    /**
     * Read as Spring Security's {@code BasicAuthenticationConverter} reads it (trimmed, any header starting with
     * "Basic", the token from the seventh character), so every header Spring checks a password for is throttled: this
     * filter wanted "Basic " with its space, and "BasicX" + token reached the password check past every lock.
     * Null when Spring would not check a password either.
     */
    static Credentials basicCredentials(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "Basic", 0, 5) || h.length() < 6) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(h.substring(6).getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
