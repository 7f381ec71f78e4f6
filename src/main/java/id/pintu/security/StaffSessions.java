package id.pintu.security;

import id.pintu.common.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser sessions follow the staff files. A login stamps its session with what it was granted on (the user's
 * password hash, roles, admin flag and the acting roles of that day); every page
 * request compares the stamp with the users and appointments in force now. A user removed from the users file, given
 * a new password or other roles, or whose acting appointment began or ended, is signed out at the next page and
 * sent to the login page with a notice: nobody keeps a role the office took away until the session expires, and a new
 * role is there at the next login. The API needs no such check: it authenticates every call (HTTP Basic).
 */
@Component
public class StaffSessions {

    private static final Logger LOG = LoggerFactory.getLogger(StaffSessions.class);
    private static final String STAMP = StaffSessions.class.getName() + ".stamp";

    private final UserDirectory users;
    private final ActingOfficials acting;

    public StaffSessions(UserDirectory users, ActingOfficials acting) {
        this.users = users;
        this.acting = acting;
    }

    /**
     * What {@code username} would be granted at a login now (password hash, own and acting roles, admin flag; not the
     * name, rank or position), as a digest; null if the user is not in the users file.
     */
    String stampNow(String username) {
        return users.find(username).map(u -> stampOf(u, acting.rolesOf(u))).orElse(null);
    }

    /** The stamp of {@code u} granted {@code roles} (own and acting). */
    static String stampOf(StaffUser u, java.util.Collection<String> roles) {
        return Sha256.hex((u.username() + "\n" + u.password() + "\n" + u.admin() + "\n"
                + String.join(",", roles.stream().sorted().toList())).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A login's user as it was granted: the stamp is taken from the same reading of the users and appointments as the
     * authorities. Taken again after the password check (some 80 ms of bcrypt later), a change that landed between
     * the two (a leave recorded, an appointment ending at midnight, a password reset) was in the stamp but not in the
     * session's roles, and every later comparison matched: the session kept the roles it had lost.
     */
    static final class Granted extends org.springframework.security.core.userdetails.User {

        private final String stamp;

        Granted(StaffUser u, java.util.Collection<String> roles,
                java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities) {
            super(u.username(), u.password(), authorities);
            this.stamp = stampOf(u, roles);
        }

        String stamp() {
            return stamp;
        }
    }

    /** Stamps the session of a successful form login, then lets {@code next} answer (the redirect). */
    public AuthenticationSuccessHandler stampingLogins(AuthenticationSuccessHandler next) {
        return (request, response, auth) -> {
            String stamp = auth.getPrincipal() instanceof Granted g ? g.stamp() : stampNow(auth.getName());
            if (stamp != null) {
                request.getSession().setAttribute(STAMP, stamp);
            }
            next.onAuthenticationSuccess(request, response, auth);
        };
    }

    /** The filter that ends a session whose stamp no longer matches, redirecting to {@code endedUrl}. */
    public OncePerRequestFilter filter(String endedUrl) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (session != null && auth != null && auth.isAuthenticated()
                        && !(auth instanceof AnonymousAuthenticationToken)) {
                    String now = stampNow(auth.getName());
                    Object granted = session.getAttribute(STAMP);
                    if (now == null || !now.equals(granted)) {
                        LOG.info("Signed out {}: {}", auth.getName(), now == null
                                ? "no longer in the users file" : "password, roles or acting appointments changed");
                        session.invalidate();
                        SecurityContextHolder.clearContext();
                        response.sendRedirect(request.getContextPath() + endedUrl);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }
}
