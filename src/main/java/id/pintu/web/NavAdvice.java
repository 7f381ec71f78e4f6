package id.pintu.web;

import id.pintu.intake.IntakeRecords;
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

    /** @param reviewOpen items of the review queue no one has taken care of; null if the user does not work it */
    record Nav(List<Actor> inboxes, boolean walkIns, boolean dashboard, Long reviewOpen) {}

    private final StaffAccess access;
    private final IntakeRecords intake;

    NavAdvice(StaffAccess access, IntakeRecords intake) {
        this.access = access;
        this.intake = intake;
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
        return new Nav(access.inboxes(auth), access.mayRegisterWalkIns(auth), access.maySeeDashboard(auth),
                access.mayReviewIntake(auth) ? intake.openReviews() : null);
    }
}
