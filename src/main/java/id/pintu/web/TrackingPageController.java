package id.pintu.web;

import id.pintu.documents.ApplicantDocuments;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.intake.DossierService;
import id.pintu.intake.DossierView;
import id.pintu.oss.OssWaits;
import id.pintu.sla.LatestFinish;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.Caller;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskStatus;
import id.pintu.intake.ApplicantMessages;
import id.pintu.survey.SatisfactionSurvey;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's page: the tracking code plus the secret token open the case's status, the applicant-facing
 * timeline (the step and the role that holds it; never a staff member's name or a note), the dossier check of the
 * files the applicant sent (each required document received or not), the letters addressed to the applicant, and the
 * confirmation of receipt when the case waits for it (steps 15 and 25 of the seed SOP).
 */
@Controller
class TrackingPageController {

    /** The survey form's fields: {@code skm-<element key>}. */
    static final String SURVEY_FIELD = "skm-";

    /** The longest reason a withdrawal keeps (it becomes the note of the cancelled task). */
    static final int MAX_REASON = 1000;

    /** A timeline entry as the applicant sees it. */
    record PublicStep(int stepNo, String name, String role, TaskStatus status, Instant enteredAt, Instant completedAt,
            boolean yours) {}

    /** Kinds of document for the applicant that are no letter of the office's. */
    private static final Set<String> NOT_LETTERS = Set.of(DossierService.UNMATCHED_KIND,
            DossierService.RAW_EMAIL_KIND, ApplicantMessages.ANSWER_FILE_KIND);

    private final WorkflowService workflow;
    private final ApplicationRepository applications;
    private final DocumentStore documents;
    private final DocumentDownloads downloads;
    private final StaffAccess access;
    private final OssWaits ossWaits;
    private final LatestFinish latestFinish;
    private final DossierService dossier;
    private final SatisfactionSurvey survey;
    private final ApplicantMessages messages;
    private final ApplicantDocuments applicantDocuments;

    TrackingPageController(WorkflowService workflow, ApplicationRepository applications, DocumentStore documents,
            DocumentDownloads downloads, StaffAccess access, OssWaits ossWaits, LatestFinish latestFinish,
            DossierService dossier, SatisfactionSurvey survey, ApplicantMessages messages,
            ApplicantDocuments applicantDocuments) {
        this.applicantDocuments = applicantDocuments;
        this.survey = survey;
        this.messages = messages;
        this.dossier = dossier;
        this.latestFinish = latestFinish;
        this.workflow = workflow;
        this.applications = applications;
        this.documents = documents;
        this.downloads = downloads;
        this.access = access;
        this.ossWaits = ossWaits;
    }

    @GetMapping("/lacak")
    String track(@RequestParam(name = "kode", required = false) String code,
            @RequestParam(required = false) String token, CsrfToken csrf, Model model) {
        // The page's forms carry a CSRF token kept in the session. The withdrawal form comes last, after the response
        // buffer may have been sent: the token (and the session) must exist before rendering starts.
        csrf.getToken();
        model.addAttribute("kode", code == null ? "" : code.strip());
        if (code == null || code.isBlank()) {
            return "lacak";
        }
        Optional<Application> found = open(code, token);
        if (found.isEmpty()) {
            model.addAttribute("error", "track.error.notFound");
            return "lacak";
        }
        Application a = found.get();
        Caller me = applicant(a);
        List<Task> history = workflow.history(a.id());
        List<PublicStep> steps = history.stream()
                .map(t -> new PublicStep(t.stepNo(), t.stepName(), access.actorName(t.actor()), t.status(),
                        t.enteredAt(), t.completedAt(), workflow.mayActAs(me, t.actor())))
                .toList();
        Task waiting = waitingForApplicant(a).orElse(null);
        model.addAttribute("app", a);
        model.addAttribute("token", token.strip());
        model.addAttribute("steps", steps);
        Task current = history.stream().filter(Task::isOpen).findFirst().orElse(null);
        model.addAttribute("current", current);
        // While the office works on it: the open step's due date and when the office's work ends at the latest.
        Optional<Instant> finish = current == null || workflow.mayActAs(me, current.actor()) ? Optional.empty()
                : latestFinish.of(a, current);
        model.addAttribute("stepDue", finish.isPresent() ? current.dueAt() : null);
        model.addAttribute("latestFinish", finish.orElse(null));
        // No open task while the case is in progress: it waits for OSS, or is on its way to the next step.
        boolean between = current == null && a.status() == CaseStatus.IN_PROGRESS;
        model.addAttribute("between", between);
        model.addAttribute("ossWait", between ? ossWaits.of(a.id()).orElse(null) : null);
        model.addAttribute("waiting", waiting);
        model.addAttribute("confirmable", waiting != null && workflow.applicantConfirms(a, waiting));
        // The files the applicant sent are their dossier's (for an SOP with a list of required documents); every
        // other document for them is a letter of the office.
        DossierView checklist = dossier.view(a.id());
        DossierView shown = checklist.required().isEmpty() ? null : checklist;
        Set<String> sent = shown == null ? Set.of() : shown.files().map(DossierView.File::documentId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        model.addAttribute("dossier", shown);
        // Not the applicant's own files of an SOP without a dossier list (they were listed as the office's letters),
        // nor an answer's files (listed under the answer)
        model.addAttribute("letters", documents.ofApplication(a.id()).stream()
                .filter(d -> applicantDocuments.shown(a, d) && !sent.contains(d.id()))
                .filter(d -> !NOT_LETTERS.contains(d.kind())).toList());
        // The applicant's own emails to the case and the office's answers (a clerk's internal note is not shown)
        model.addAttribute("yourMessages", messages.ofCase(a.id()));
        // Once the case is closed, the Survei Kepuasan Masyarakat, answered once
        boolean offered = survey.enabled() && a.closedAt() != null;
        model.addAttribute("survey", offered ? survey.elements() : null);
        model.addAttribute("surveyAnsweredAt", offered ? survey.answeredAt(a.id()).orElse(null) : null);
        model.addAttribute("maxSuggestion", SatisfactionSurvey.MAX_SUGGESTION);
        return "lacak";
    }

    /** The applicant confirms receipt of the letter or permit: completes their open task like the API does. */
    @PostMapping("/lacak/konfirmasi")
    String confirm(@RequestParam(name = "kode") String code, @RequestParam String token,
            @RequestParam(name = "tugas", required = false) String taskId, RedirectAttributes redirect) {
        Application a = openFromPage(code, token, redirect).orElse(null);
        if (a == null) {
            return "redirect:/lacak";
        }
        // The step the page offered (a page left open, or the back button, confirmed whatever was open then)
        Optional<Task> waiting = waitingForApplicant(a).filter(t -> workflow.applicantConfirms(a, t))
                .filter(t -> taskId == null || t.id().equals(taskId));
        if (waiting.isEmpty()) {
            redirect.addFlashAttribute("flashError", "track.error.nothingWaiting");
            return "redirect:/lacak";
        }
        try {
            workflow.complete(waiting.get().id(), null, null, applicant(a));
            redirect.addFlashAttribute("notice", "track.confirmed");
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("flashError", "track.error.nothingWaiting");
        }
        return "redirect:/lacak";
    }

    /**
     * The applicant withdraws the application (pencabutan) while it is open, after ticking that a withdrawn
     * application cannot go on: the same {@link WorkflowService#withdraw} as the API, so the open task is cancelled,
     * the case closes as WITHDRAWN and the applicant's address gets the mail that says so.
     */
    @PostMapping("/lacak/cabut")
    String withdraw(@RequestParam(name = "kode") String code, @RequestParam String token,
            @RequestParam(name = "alasan", required = false) String reason,
            @RequestParam(name = "setuju", required = false) String agreed, RedirectAttributes redirect) {
        Optional<Application> found = openFromPage(code, token, redirect);
        if (found.isEmpty()) {
            return "redirect:/lacak";
        }
        // As the browser counted it against maxlength: a line break is one character, not the CRLF it sends
        String why = reason == null || reason.isBlank() ? null : reason.strip().replace("\r\n", "\n");
        if (agreed == null || (why != null && why.length() > MAX_REASON)) {
            redirect.addFlashAttribute("flashError", agreed == null ? "track.error.withdrawAgree"
                    : "track.error.withdrawReason");
            return "redirect:/lacak";
        }
        try {
            workflow.withdraw(found.get().id(), "Dicabut oleh pemohon melalui halaman lacak"
                    + (why == null ? "" : ": " + why), applicant(found.get()));
            redirect.addFlashAttribute("notice", "track.withdrawn");
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("flashError", "track.error.closed");
        }
        return "redirect:/lacak";
    }

    /**
     * The applicant answers the satisfaction survey of a closed case: a score for every element (fields
     * {@code skm-<key>}, 1 to 4) and a suggestion if they like; once per case.
     */
    @PostMapping("/lacak/survei")
    String answerSurvey(@RequestParam(name = "kode") String code, @RequestParam String token,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Application a = openFromPage(code, token, redirect).orElse(null);
        if (a == null) {
            return "redirect:/lacak";
        }
        if (!survey.enabled() || a.closedAt() == null) {
            redirect.addFlashAttribute("flashError", "survey.error.notYet");
            return "redirect:/lacak";
        }
        Map<String, String> scores = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(SURVEY_FIELD)) {
                scores.put(name.substring(SURVEY_FIELD.length()), value);
            }
        });
        try {
            survey.answer(a.id(), scores, form.get("saran"));
            redirect.addFlashAttribute("notice", "survey.thanks");
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("flashError", e.reason() == WorkflowException.Reason.CONFLICT
                    ? "survey.error.already" : "survey.error.incomplete");
        }
        return "redirect:/lacak#survei";
    }

    @GetMapping("/lacak/dokumen/{docId}")
    ResponseEntity<byte[]> letter(@PathVariable String docId, @RequestParam(name = "kode") String code,
            @RequestParam String token) {
        Application a = open(code, token)
                .orElseThrow(() -> WorkflowException.notFound("no application with this tracking code and token"));
        StoredDocument d = documents.find(docId)
                .filter(doc -> applicantDocuments.shown(a, doc))
                .orElseThrow(() -> WorkflowException.notFound("no document " + docId));
        return downloads.serve(d, "applicant:" + a.applicant().email(), "tracking");
    }

    /**
     * A form of the page posted back: the redirect returns to the page with the code and token, and an unknown code
     * or wrong token is said there (empty).
     */
    private Optional<Application> openFromPage(String code, String token, RedirectAttributes redirect) {
        redirect.addAttribute("kode", code.strip());
        redirect.addAttribute("token", token.strip());
        Optional<Application> found = open(code, token);
        if (found.isEmpty()) {
            redirect.addFlashAttribute("flashError", "track.error.notFound");
        }
        return found;
    }

    private Optional<Task> waitingForApplicant(Application a) {
        Caller me = applicant(a);
        return workflow.openTasks(a.id()).stream().filter(t -> workflow.mayActAs(me, t.actor())).findFirst();
    }

    /** An unknown code and a wrong token look the same, so codes cannot be probed. */
    private Optional<Application> open(String code, String token) {
        if (code == null || token == null) {
            return Optional.empty();
        }
        return applications.findByTrackingCode(code.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(a -> workflow.tokenMatches(a.id(), token));
    }

    private static Caller applicant(Application a) {
        return Caller.applicant(a.id(), a.applicant().email());
    }
}
