package id.pintu.web;

import id.pintu.sop.Actor;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The navigation every staff page shows: the user's inboxes and the pages their roles open. */
@ControllerAdvice(basePackageClasses = NavAdvice.class)
class NavAdvice {

    record Nav(List<Actor> inboxes, boolean walkIns, boolean dashboard) {}

    private final StaffAccess access;

    NavAdvice(StaffAccess access) {
        this.access = access;
    }

    record LangUrls(String id, String en) {}

    /** The current page in the other language (the choice is then kept in a cookie). */
    @ModelAttribute("langUrls")
    LangUrls langUrls() {
        return new LangUrls(
                ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", "id").build().toUriString(),
                ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", "en").build().toUriString());
    }

    @ModelAttribute("nav")
    Nav nav() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return new Nav(access.inboxes(auth), access.mayRegisterWalkIns(auth), access.maySeeDashboard(auth));
    }
}
