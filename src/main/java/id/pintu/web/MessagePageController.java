package id.pintu.web;

import id.pintu.intake.ApplicantMessages;
import id.pintu.workflow.WorkflowException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicants' emails no step waited for ("Pesan pemohon"): a question about a case, a file sent later, an answer
 * to the office's answer. The front office answers each by email from here or from the case page, or marks it handled
 * with a note (answered by phone, at the counter); whoever may look cases up reads them.
 */
@Controller
class MessagePageController {

    private static final int LIMIT = 500;

    private final StaffAccess access;
    private final ApplicantMessages messages;

    MessagePageController(StaffAccess access, ApplicantMessages messages) {
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/pesan")
    String list(@RequestParam(name = "semua", required = false) String all, Authentication auth, Model model) {
        requireRead(auth);
        boolean everything = all != null;
        List<ApplicantMessages.Message> items = everything ? messages.recent(LIMIT) : messages.open(LIMIT);
        model.addAttribute("all", everything);
        model.addAttribute("items", items);
        model.addAttribute("limit", LIMIT);
        answering(access, auth, model);
        return "pesan";
    }

    /** What the case page and this page need to show the answer forms. */
    static void answering(StaffAccess access, Authentication auth, Model model) {
        model.addAttribute("mayAnswerMessages", access.mayAnswerApplicants(auth));
        model.addAttribute("maxAnswer", ApplicantMessages.MAX_ANSWER);
        model.addAttribute("maxMessageNote", ApplicantMessages.MAX_NOTE);
    }

    @PostMapping("/pesan/{id}/jawab")
    String answer(@PathVariable String id, @RequestParam(name = "jawaban", required = false) String text,
            @RequestParam(name = "dari", required = false) String from, Authentication auth,
            RedirectAttributes flash) {
        ApplicantMessages.Message m = requireAnswer(id, auth);
        try {
            messages.answer(id, text, auth.getName());
            flash.addFlashAttribute("notice", "messages.sent");
            flash.addFlashAttribute("noticeArgs", new Object[] {m.sender(), m.trackingCode()});
        } catch (WorkflowException e) {
            refusal(e, flash);
        }
        return back(from, m);
    }

    @PostMapping("/pesan/{id}/selesai")
    String close(@PathVariable String id, @RequestParam(name = "catatan", required = false) String note,
            @RequestParam(name = "dari", required = false) String from, Authentication auth,
            RedirectAttributes flash) {
        ApplicantMessages.Message m = requireAnswer(id, auth);
        try {
            messages.close(id, note, auth.getName());
            flash.addFlashAttribute("notice", "messages.closed");
            flash.addFlashAttribute("noticeArgs", new Object[] {m.trackingCode()});
        } catch (WorkflowException e) {
            refusal(e, flash);
        }
        return back(from, m);
    }

    private static void refusal(WorkflowException e, RedirectAttributes flash) {
        flash.addFlashAttribute("error", e.reason() == WorkflowException.Reason.CONFLICT
                ? "messages.error.already" : "messages.error.text");
    }

    private static String back(String from, ApplicantMessages.Message m) {
        return "kasus".equals(from) ? "redirect:/permohonan/" + m.applicationId() + "#pesan-" + m.id()
                : "redirect:/pesan#pesan-" + m.id();
    }

    private ApplicantMessages.Message requireAnswer(String id, Authentication auth) {
        if (!access.mayAnswerApplicants(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not answer applicants");
        }
        return messages.find(id).orElseThrow(() -> WorkflowException.notFound("no applicant message " + id));
    }

    private void requireRead(Authentication auth) {
        if (!access.mayLookUpCases(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not read applicants' messages");
        }
    }
}
