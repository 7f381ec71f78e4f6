package id.pintu.web;

import id.pintu.intake.EmailIntake;
import id.pintu.intake.IntakeRecords;
import id.pintu.intake.ReviewedEmails;
import id.pintu.workflow.WorkflowException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue for the front office: every email or scan the intake could not turn into a case or attach to
 * one (a form with missing fields, an unknown or blocked sender, a reply from another address, an email too large,
 * an unreadable message), with the reason, the original to download, and "handled" with a note once a clerk took
 * care of it (called the applicant, registered the case at the counter, ...), or attached to the case it belongs to
 * after all (a reply sent from a colleague's address: its files join that dossier). The API keeps {@code GET
 * /api/intake-review} for IT.
 */
@Controller
class ReviewPageController {

    static final int MAX_NOTE = 2000;
    private static final int LIMIT = 500;

    private final StaffAccess access;
    private final IntakeRecords records;
    private final ReviewedEmails reviewed;
    private final Clock clock;

    ReviewPageController(StaffAccess access, IntakeRecords records, ReviewedEmails reviewed, Clock clock) {
        this.access = access;
        this.records = records;
        this.reviewed = reviewed;
        this.clock = clock;
    }

    @GetMapping("/tinjauan")
    String list(@RequestParam(name = "semua", required = false) String all, Authentication auth, Model model) {
        require(auth);
        boolean everything = all != null;
        model.addAttribute("all", everything);
        List<IntakeRecords.Review> items = records.reviews(LIMIT, !everything);
        Map<String, String> named = new HashMap<>();
        items.forEach(r -> ReviewedEmails.namedCase(r).ifPresent(code -> named.put(r.id(), code)));
        model.addAttribute("items", items);
        model.addAttribute("namedCases", named);
        model.addAttribute("limit", LIMIT);
        model.addAttribute("maxNote", MAX_NOTE);
        return "tinjauan";
    }

    /** The original email (or scan sidecar and file) as it arrived, to open in the mail program. */
    @GetMapping("/tinjauan/{id}/asli")
    ResponseEntity<byte[]> raw(@PathVariable String id, Authentication auth) {
        require(auth);
        IntakeRecords.Review item = records.findReview(id)
                .orElseThrow(() -> WorkflowException.notFound("no review item " + id));
        byte[] raw = records.raw(id).orElseThrow(() -> WorkflowException.notFound("no review item " + id));
        boolean email = item.source().startsWith("email");
        return ResponseEntity.ok()
                .header("Content-Type", email ? "message/rfc822" : "application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"tinjauan-" + id + (email ? ".eml" : ".bin") + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(raw);
    }

    @PostMapping("/tinjauan/{id}/selesai")
    String handled(@PathVariable String id, @RequestParam(required = false) String note, Authentication auth,
            RedirectAttributes flash) {
        require(auth);
        IntakeRecords.Review item = records.findReview(id)
                .orElseThrow(() -> WorkflowException.notFound("no review item " + id));
        // As the browser counted it against maxlength: a line break is one character, not the CRLF it sends
        String text = note == null || note.isBlank() ? null : note.strip().replace("\r\n", "\n");
        if (text != null && text.length() > MAX_NOTE) {
            flash.addFlashAttribute("error", "review.error.note");
            return "redirect:/tinjauan";
        }
        if (records.handled(id, auth.getName(), text, clock.instant())) {
            flash.addFlashAttribute("notice", "review.handled");
            flash.addFlashAttribute("noticeArgs", new Object[] {item.subject() == null ? "-" : item.subject()});
        } else {
            flash.addFlashAttribute("error", "review.error.already");
        }
        return "redirect:/tinjauan";
    }

    /** The email belongs to a case after all: its attachments join the case's dossier and the item is handled. */
    @PostMapping("/tinjauan/{id}/lampirkan")
    String attach(@PathVariable String id, @RequestParam(name = "kode", required = false) String code,
            @RequestParam(required = false) String note, Authentication auth, RedirectAttributes flash) {
        require(auth);
        if (note != null && note.length() > MAX_NOTE) {
            flash.addFlashAttribute("error", "review.error.note");
            return "redirect:/tinjauan";
        }
        try {
            ReviewedEmails.Attached a = reviewed.attach(id, code, auth.getName(), note);
            flash.addFlashAttribute("notice", "review.attached");
            flash.addFlashAttribute("noticeArgs", new Object[] {a.trackingCode(), a.accepted(), a.refused()});
        } catch (WorkflowException e) {
            flash.addFlashAttribute("error", e.reason() == WorkflowException.Reason.NOT_FOUND
                    ? "review.error.noCase" : EmailIntake.TOO_LARGE_SOURCE.equals(source(id))
                            ? "review.error.tooLarge" : "review.error.cannotAttach");
            flash.addFlashAttribute("errorArgs", new Object[] {code == null ? "" : code.strip()});
        }
        return "redirect:/tinjauan";
    }

    private String source(String id) {
        return records.findReview(id).map(IntakeRecords.Review::source).orElse("");
    }

    private void require(Authentication auth) {
        if (!access.mayReviewIntake(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not work the review queue");
        }
    }
}
