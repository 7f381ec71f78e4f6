package id.pintu.security;

import id.pintu.workflow.Caller;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;

/** Turns the authenticated staff user into the workflow's {@link Caller}. */
public final class Callers {

    private Callers() {}

    public static Caller of(Authentication auth) {
        Set<String> actors = auth.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith(UserDirectory.ACTOR_AUTHORITY_PREFIX))
                .map(a -> a.substring(UserDirectory.ACTOR_AUTHORITY_PREFIX.length()))
                .collect(Collectors.toSet());
        return Caller.staff(auth.getName(), actors);
    }

    /** Whether the user is one of IT's administrators. */
    public static boolean admin(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority()));
    }
}
