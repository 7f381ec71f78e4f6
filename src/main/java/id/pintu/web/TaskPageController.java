package id.pintu.web;

import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.intake.ApplicantMessages;
import id.pintu.intake.ContentCheck;
import id.pintu.intake.DossierService;
import id.pintu.intake.DossierView;
import id.pintu.sop.Outcome;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.Caller;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A task with everything needed to do it: the case, its documents, its history against the mutu baku, what the
 * step needs and produces, and the completion form. Completing goes through {@link WorkflowService#complete}, so
 * the page obeys the same rules as the API (another actor's task 403, a finished or held task 409, a decision
 * without a valid outcome 422); each refusal is shown as a sentence, not a code.
 */
@Controller
class TaskPageController {

    static final int MAX_NOTE = 2000;

    private final StaffAccess access;
    private final WorkflowService workflow;
    private final TaskRepository tasks;
    private final ApplicationRepository applications;
    private final SopCatalog catalog;
    private final DocumentStore documents;
    private final SlaClock sla;
    private final TransactionTemplate tx;
    private final WebProperties properties;
    private final ContentCheck contentCheck;
    private final DossierService dossier;
    private final CaseTimeline timeline;
    private final ApplicantMessages messages;
    private final InboxQueries inbox;

    TaskPageController(StaffAccess access, WorkflowService workflow, TaskRepository tasks,
            ApplicationRepository applications, SopCatalog catalog, DocumentStore documents, SlaClock sla,
            TransactionTemplate tx, WebProperties properties, ContentCheck contentCheck, DossierService dossier,
            CaseTimeline timeline, ApplicantMessages messages, InboxQueries inbox) {
        this.messages = messages;
        this.inbox = inbox;
        this.access = access;
        this.workflow = workflow;
        this.tasks = tasks;
        this.applications = applications;
        this.catalog = catalog;
        this.documents = documents;
        this.sla = sla;
        this.tx = tx;
        this.properties = properties;
        this.contentCheck = contentCheck;
        this.dossier = dossier;
        this.timeline = timeline;
    }

    @GetMapping("/tugas/{taskId}")
    String task(@PathVariable String taskId, @RequestParam(name = "dok", required = false) String docId,
            Authentication auth, Model model) {
        Task task = visible(taskId, auth);
        Application app = applications.find(task.applicationId()).orElseThrow();
        SopDefinition sop = catalog.require(app.sopCode(), app.sopVersion());
        Step step = sop.requireStep(task.stepNo());
        List<StoredDocument> docs = documents.ofApplication(app.id());
        StoredDocument shown = docs.stream().filter(d -> d.id().equals(docId)).findFirst()
                .orElse(docs.isEmpty() ? null : docs.get(docs.size() - 1));
        boolean decision = task.kind() == TaskKind.STEP && step.isDecision();
        boolean heldByOther = task.claimedBy() != null && !task.claimedBy().equals(auth.getName());
        model.addAttribute("task", task);
        // The applicant wrote and no one has answered yet: whoever works the case should know
        model.addAttribute("waitingMessages", messages.ofCase(app.id()).stream()
                .filter(ApplicantMessages.Message::open).toList());
        model.addAttribute("app", app);
        model.addAttribute("sop", sop);
        model.addAttribute("step", step);
        model.addAttribute("actorName", access.actorName(task.actor()));
        model.addAttribute("documents", docs);
        model.addAttribute("shown", shown);
        model.addAttribute("history", timeline.of(sop, app.id(), workflow.history(app.id())));
        model.addAttribute("decision", decision);
        model.addAttribute("outcomes", decision ? step.outcomesOrEmpty() : List.<Outcome>of());
        model.addAttribute("heldByOther", heldByOther);
        model.addAttribute("canComplete", task.isOpen() && !heldByOther);
        model.addAttribute("uploadKind", uploadKind(task, step));
        // The colour of the task's row in the inbox, escalation included (the page showed an escalated task amber)
        model.addAttribute("state", task.isOpen()
                ? sla.state(task.enteredAt(), task.dueAt(), inbox.escalationLevel(task.id())) : null);
        model.addAttribute("left", task.isOpen() ? sla.left(task.dueAt()) : null);
        model.addAttribute("maxNote", MAX_NOTE);
        model.addAttribute("maxMb", properties.maxUploadSize().toMegabytes());
        model.addAttribute("maxBytes", properties.maxUploadSize().toBytes());
        DossierView checklist = dossier.view(app.id());
        model.addAttribute("dossier", checklist.required().isEmpty() ? null : checklist);
        model.addAttribute("mayCorrectDossier", access.mayRegisterWalkIns(auth));
        return "tugas";
    }

    /**
     * The front office adds scans to the case's dossier, e.g. the documents an applicant brings to the counter after a
     * clarification: each judged like the counter's registration scans, the accepted ones stored (matched by name) and
     * every refused one named, a file already in the case among them.
     */
    @PostMapping("/tugas/{taskId}/berkas")
    String addScans(@PathVariable String taskId,
            @RequestParam(name = "scans", required = false) List<MultipartFile> scans, Authentication auth,
            RedirectAttributes flash) {
        Task task = visible(taskId, auth);
        if (!access.mayRegisterWalkIns(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not add to the dossier");
        }
        Application app = applications.find(task.applicationId()).orElseThrow();
        String back = "redirect:/tugas/" + taskId + "#h-dossier";
        if (app.closedAt() != null) {
            flash.addFlashAttribute("error", "dossier.error.closed");
            return back;
        }
        List<MultipartFile> given = Uploads.chosen(scans);
        Optional<Uploads.Problem> count = Uploads.countProblem(given, properties.maxScans());
        if (count.isPresent()) {
            flash.addFlashAttribute("error", count.get().key());
            flash.addFlashAttribute("errorArgs", count.get().args());
            return back;
        }
        Map<String, String> stored = new HashMap<>();
        documents.ofApplication(app.id()).forEach(d -> stored.putIfAbsent(d.sha256(), d.name()));
        Uploads.Batch batch = Uploads.checkAll(given, properties.maxUploadSize().toBytes(), contentCheck, stored);
        if (!batch.accepted().isEmpty()) {
            tx.executeWithoutResult(status -> dossier.record(app, batch.accepted(), task.stepNo(), auth.getName()));
        }
        flash.addFlashAttribute("notice", batch.accepted().isEmpty() ? "dossier.addedNone" : "dossier.added");
        flash.addFlashAttribute("noticeArgs", new Object[] {batch.accepted().size()});
        flash.addFlashAttribute("scanRefusals", batch.refused());
        return back;
    }

    /**
     * The front office says which required document a file of the dossier is (or that it is none of them), as with
     * {@code PUT /api/applications/{id}/dossier/{documentId}}: a scan named "scan001.pdf" becomes the KTP.
     */
    @PostMapping("/tugas/{taskId}/berkas/{documentId}")
    String correctDossier(@PathVariable String taskId, @PathVariable String documentId,
            @RequestParam(required = false) String requirement, Authentication auth, RedirectAttributes flash) {
        Task task = visible(taskId, auth);
        if (!access.mayRegisterWalkIns(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not correct the dossier");
        }
        try {
            DossierView v = dossier.correct(task.applicationId(), documentId, requirement, auth.getName());
            String file = v.files().filter(f -> documentId.equals(f.documentId())).map(DossierView.File::name)
                    .findFirst().orElse(documentId);
            String label = v.required().stream().filter(i -> i.key().equals(requirement)).map(DossierView.Item::label)
                    .findFirst().orElse(null);
            flash.addFlashAttribute("notice", label == null ? "dossier.corrected.none" : "dossier.corrected");
            flash.addFlashAttribute("noticeArgs", new Object[] {file, label});
        } catch (WorkflowException e) {
            flash.addFlashAttribute("error", e.reason() == WorkflowException.Reason.NOT_FOUND
                    ? "dossier.error.notFound" : "dossier.error.requirement");
        }
        return "redirect:/tugas/" + taskId + "#h-dossier";
    }

    @PostMapping("/tugas/{taskId}/klaim")
    String claim(@PathVariable String taskId, Authentication auth, RedirectAttributes flash) {
        try {
            workflow.claim(taskId, access.caller(auth));
            flash.addFlashAttribute("notice", "task.claimed");
        } catch (WorkflowException e) {
            refusal(e, flash);
        }
        return "redirect:/tugas/" + taskId;
    }

    @PostMapping("/tugas/{taskId}/selesai")
    String complete(@PathVariable String taskId, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String note, @RequestParam(name = "berkas", required = false) MultipartFile file,
            Authentication auth, RedirectAttributes flash) {
        Task task = visible(taskId, auth);
        Caller caller = access.caller(auth);
        // A browser counts a line break as one character against maxlength but sends it as CRLF: counted as sent, a
        // note the form accepted was refused as too long
        String text = note == null ? null : note.replace("\r\n", "\n");
        // Whatever refuses the completion, the page comes back with the note and the decision as they were
        flash.addFlashAttribute("draftNote", text);
        flash.addFlashAttribute("draftOutcome", outcome);
        if (text != null && text.length() > MAX_NOTE) {
            flash.addFlashAttribute("error", "task.error.note");
            return "redirect:/tugas/" + taskId;
        }
        Uploads.Checked upload = null;
        if (file != null && !file.isEmpty()) {
            try {
                upload = Uploads.check(file, properties.maxUploadSize().toBytes(), contentCheck);
            } catch (Uploads.Refused r) {
                flash.addFlashAttribute("error", r.key());
                flash.addFlashAttribute("errorArgs", r.args());
                return "redirect:/tugas/" + taskId;
            }
        }
        Application app = applications.find(task.applicationId()).orElseThrow();
        Step step = catalog.require(app.sopCode(), app.sopVersion()).requireStep(task.stepNo());
        Uploads.Checked stored = upload;
        try {
            // One transaction: the report is kept exactly when the step is completed, never one without the other.
            tx.executeWithoutResult(status -> {
                if (stored != null) {
                    documents.store(app.id(), uploadKind(task, step), task.stepNo(), stored.name(),
                            stored.contentType(), stored.content(), StoredDocument.STAFF, auth.getName());
                }
                workflow.complete(taskId, outcome, blankToNull(text), caller);
            });
        } catch (WorkflowException e) {
            refusal(e, flash);
            return "redirect:/tugas/" + taskId;
        }
        flash.addFlashAttribute("notice", "task.completed");
        flash.addFlashAttribute("noticeArgs", new Object[] {task.stepNo(), app.trackingCode()});
        return "redirect:/kotak-masuk/" + task.actor();
    }

    /** Staff may open the tasks of the inboxes they work; another actor's task is refused like in the API. */
    private Task visible(String taskId, Authentication auth) {
        Task task = tasks.find(taskId).orElseThrow(() -> WorkflowException.notFound("no task " + taskId));
        access.requireInbox(auth, task.actor());
        return task;
    }

    private static String uploadKind(Task task, Step step) {
        return task.kind() == TaskKind.CLARIFICATION ? "klarifikasi" : Uploads.slug(step.output());
    }

    private static void refusal(WorkflowException e, RedirectAttributes flash) {
        flash.addFlashAttribute("error", switch (e.reason()) {
            case NOT_FOUND -> "task.error.notFound";
            case FORBIDDEN -> "task.error.forbidden";
            case CONFLICT -> "task.error.conflict";
            case UNPROCESSABLE -> "task.error.outcome";
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
