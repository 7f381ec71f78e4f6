package id.pintu.web;

import id.pintu.intake.ApplicantMessages;
import id.pintu.intake.ContentCheck;
import id.pintu.workflow.WorkflowException;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicants' emails no step waited for ("Pesan pemohon"): a question about a case, a file sent later, an answer
 * to the office's answer. The front office answers each by email from here or from the case page, or marks it handled
 * with a note (answered by phone, at the counter); whoever may look cases up reads them.
 */
@Controller
class MessagePageController {

    private static final int LIMIT = 500;
    static final int MAX_FILES = 5;

    private final StaffAccess access;
    private final ApplicantMessages messages;
    private final WebProperties properties;
    private final ContentCheck contentCheck;

    MessagePageController(StaffAccess access, ApplicantMessages messages, WebProperties properties,
            ContentCheck contentCheck) {
        this.access = access;
        this.messages = messages;
        this.properties = properties;
        this.contentCheck = contentCheck;
    }

    @GetMapping("/pesan")
    String list(@RequestParam(name = "semua", required = false) String all, Authentication auth, Model model) {
        requireRead(auth);
        boolean everything = all != null;
        List<ApplicantMessages.Message> items = everything ? messages.recent(LIMIT) : messages.open(LIMIT);
        model.addAttribute("all", everything);
        model.addAttribute("items", items);
        model.addAttribute("limit", LIMIT);
        answering(access, properties, auth, model);
        return "pesan";
    }

    /** What the case page and this page need to show the answer forms. */
    static void answering(StaffAccess access, WebProperties properties, Authentication auth, Model model) {
        model.addAttribute("mayAnswerMessages", access.mayAnswerApplicants(auth));
        // The browser refuses a file over the limit before sending (upload-limit.js): sent, the form's text was lost
        model.addAttribute("maxBytes", properties.maxUploadSize().toBytes());
        model.addAttribute("maxMb", properties.maxUploadSize().toMegabytes());
        model.addAttribute("maxAnswer", ApplicantMessages.MAX_ANSWER);
        model.addAttribute("maxMessageNote", ApplicantMessages.MAX_NOTE);
        model.addAttribute("maxAnswerFiles", MAX_FILES);
    }

    /**
     * Sends the answer with the files chosen (at most {@value #MAX_FILES}, each checked by its content as every upload
     * is); a refused file sends nothing and names every problem, and the text typed is kept on the page.
     */
    @PostMapping("/pesan/{id}/jawab")
    String answer(@PathVariable String id, @RequestParam(name = "jawaban", required = false) String text,
            @RequestParam(name = "lampiran", required = false) List<MultipartFile> files,
            @RequestParam(name = "dari", required = false) String from, Authentication auth,
            RedirectAttributes flash) {
        ApplicantMessages.Message m = requireAnswer(id, auth);
        List<MultipartFile> chosen = Uploads.chosen(files);
        List<Uploads.Problem> refused = new java.util.ArrayList<>();
        if (chosen.size() > MAX_FILES) {
            refused.add(new Uploads.Problem("messages.error.tooManyFiles", new Object[] {MAX_FILES}));
        }
        Uploads.Batch batch = Uploads.checkAll(chosen, properties.maxUploadSize().toBytes(), contentCheck, Map.of());
        refused.addAll(batch.refused());
        if (!refused.isEmpty()) {
            flash.addFlashAttribute("error", "messages.error.files");
            flash.addFlashAttribute("answerRefusals", Map.of(id, refused));
            flash.addFlashAttribute("answerDrafts", Map.of(id, text == null ? "" : text));
            return back(from, m);
        }
        try {
            messages.answer(id, text, auth.getName(), batch.accepted().stream()
                    .map(j -> new ApplicantMessages.Attachment(j.file().name(), j.verdict().contentType(),
                            j.file().content()))
                    .toList());
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
