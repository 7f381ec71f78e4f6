package id.pintu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that changes something (any method but GET, HEAD, OPTIONS) when a browser says it comes from
 * another site: {@code Sec-Fetch-Site} other than same-origin or none, or an {@code Origin} that is not this hub's.
 * For the actuator chain, where CSRF tokens do not fit (Jolokia takes JSON POSTs from Hawtio's own page) and a
 * browser sends the admin's HTTP Basic login with any request to the hub, also one a foreign page's form makes.
 * Tools (curl, Prometheus, scripts) send neither header and are not affected.
 */
public class SameOriginWrites extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SAME = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT)) || sameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":403,\"error\":\"a request from another site is refused here\"}");
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !SAME.contains(site.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI o = URI.create(origin.trim());
            int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            return request.getScheme().equalsIgnoreCase(o.getScheme())
                    && request.getServerName().equalsIgnoreCase(o.getHost()) && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
