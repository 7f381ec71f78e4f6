package id.pintu.web;

import id.pintu.intake.ApplicantMessages;
import id.pintu.intake.IntakeRecords;
import id.pintu.security.LeaveAndActing;
import id.pintu.sop.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The navigation every staff page shows: the user's inboxes and the pages their roles open. */
@ControllerAdvice(basePackageClasses = NavAdvice.class)
class NavAdvice {

    /**
     * @param cases whether the user may look cases up
     * @param reviewOpen items of the review queue no one has taken care of; null if the user does not work it
     * @param messages applicants' emails no one has answered (how many, since when); null if the user neither answers
     *     them nor sees the dashboard, which shows the same figures and takes them from here
     * @param leave whether the user records staff leave ({@code /pegawai/cuti})
     */
    record Nav(List<Actor> inboxes, boolean walkIns, boolean cases, boolean dashboard, Long reviewOpen,
            ApplicantMessages.Waiting messages, boolean leave) {}

    private final StaffAccess access;
    private final IntakeRecords intake;
    private final ApplicantMessages messages;
    private final LeaveAndActing leave;

    NavAdvice(StaffAccess access, IntakeRecords intake, ApplicantMessages messages, LeaveAndActing leave) {
        this.access = access;
        this.intake = intake;
        this.messages = messages;
        this.leave = leave;
    }

    record LangUrls(String id, String en) {}

    /** The current page in the other language (the choice is then kept in a cookie). */
    @ModelAttribute("langUrls")
    LangUrls langUrls(HttpServletRequest request) {
        if (!rendersPage(request)) {
            return null;
        }
        return new LangUrls(
                ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", "id").build().toUriString(),
                ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", "en").build().toUriString());
    }

    @ModelAttribute("nav")
    Nav nav(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!rendersPage(request) || auth == null || !auth.isAuthenticated()
                || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return new Nav(access.inboxes(auth), access.mayRegisterWalkIns(auth), access.mayLookUpCases(auth),
                access.maySeeDashboard(auth),
                access.mayReviewIntake(auth) ? intake.openReviews() : null,
                access.mayAnswerApplicants(auth) || access.maySeeDashboard(auth) ? messages.waiting() : null,
                leave.mayManage(auth));
    }

    /**
     * Whether the handler answers with a page. Spring runs this advice for every handler of the package, also for
     * those that answer with a body (the inbox's fingerprint, polled every few seconds by every open inbox): they
     * show no menu, so they are spared the menu's queries.
     */
    static boolean rendersPage(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
            return true;
        }
        boolean body = handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType());
        return !body;
    }
}
