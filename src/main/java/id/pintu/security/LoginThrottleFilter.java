package id.pintu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt while its username or client address is locked by {@link LoginThrottle}, before the
 * password is even checked: HTTP Basic answers 429 with Retry-After and a JSON error; the login form goes back to
 * the login page with {@code ?terkunci}. Not a bean, so it runs only inside the security chains that add it.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final String loginFormPath;

    /** @param loginFormPath the form login's processing URL, or null for chains without a form */
    public LoginThrottleFilter(LoginThrottle throttle, String loginFormPath) {
        this.throttle = throttle;
        this.loginFormPath = loginFormPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String basicUser = basicUsername(request.getHeader(HttpHeaders.AUTHORIZATION));
        boolean form = loginFormPath != null && HttpMethod.POST.matches(request.getMethod())
                && loginFormPath.equals(request.getServletPath());
        if (basicUser == null && !form) {
            chain.doFilter(request, response);
            return;
        }
        String username = basicUser != null ? basicUser : request.getParameter("username");
        Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr());
        if (locked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, locked.get().toSeconds());
        if (form) {
            response.sendRedirect(request.getContextPath() + loginFormPath + "?terkunci");
            return;
        }
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":429,\"error\":\"too many failed logins; try again in " + seconds
                + " seconds\"}");
    }

    static String basicUsername(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
