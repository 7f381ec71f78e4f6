package id.pintu.web;

import id.pintu.security.ActingOfficials;
import id.pintu.sop.Actor;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after login, the login page and the refusal page. */
@Controller
class HomeController {

    private final StaffAccess access;
    private final ActingOfficials acting;

    HomeController(StaffAccess access, ActingOfficials acting) {
        this.access = access;
        this.acting = acting;
    }

    /** A clerk with a single inbox goes straight to it; others choose among theirs. */
    @GetMapping("/")
    String home(Authentication auth, Model model) {
        List<Actor> inboxes = access.inboxes(auth);
        boolean walkIns = access.mayRegisterWalkIns(auth);
        boolean dashboard = access.maySeeDashboard(auth);
        if (inboxes.size() == 1 && !walkIns && !dashboard && !access.mayReviewIntake(auth)) {
            return "redirect:/kotak-masuk/" + inboxes.get(0).id();
        }
        model.addAttribute("inboxes", inboxes);
        // On leave: no role, no inbox; the page says why and until when
        model.addAttribute("away", acting.absentToday(auth.getName()).orElse(null));
        return "beranda";
    }

    @GetMapping(WebSecurityConfig.LOGIN_PAGE)
    String login() {
        return "masuk";
    }

    @GetMapping(WebSecurityConfig.DENIED_PAGE)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.FORBIDDEN)
    String denied(Model model) {
        model.addAttribute("status", 403);
        return "terlarang";
    }
}
