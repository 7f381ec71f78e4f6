package id.pintu.web;

import id.pintu.archive.CaseArchive;
import id.pintu.casedata.CaseDataCorrections;
import id.pintu.documents.DocumentStore;
import id.pintu.intake.ApplicantMessages;
import id.pintu.intake.DossierService;
import id.pintu.intake.DossierView;
import id.pintu.mail.UndeliverableMailActions;
import id.pintu.mail.UndeliverableMails;
import id.pintu.security.StaffUser;
import id.pintu.security.UserDirectory;
import id.pintu.sla.SupervisorActions;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Looking a case up: the front office answering an applicant who phones or comes to the counter ("where is my
 * application?"), the head of office following a late step from the dashboard. A search by tracking code, NIB, NPWP,
 * email or name, and a page of the case: where it stands (the open step, its actor, who holds it, how much
 * time is left), its data, its dossier, its documents and its history. Working on it stays on the task page, for the
 * holders of the step's actor. The step's supervisors (the chain of {@code config/supervision.yaml}) release or
 * reassign its task here, through the same {@link SupervisorActions} as the API. The applicant's emails that no step
 * waited for are listed, and the front office answers them here.
 */
@Controller
class CasePageController {

    /**
     * An open task of the case, with its actor's name, whether this user works that actor's inbox, and, for its
     * supervisors, the staff it may be reassigned to (empty for others).
     */
    record OpenStep(InboxRow task, String actorName, boolean mine, boolean supervised, List<StaffUser> holders) {}

    private final StaffAccess access;
    private final ApplicationRepository applications;
    private final WorkflowService workflow;
    private final SopCatalog catalog;
    private final DocumentStore documents;
    private final DossierService dossier;
    private final CaseTimeline timeline;
    private final InboxQueries inbox;
    private final TaskRepository tasks;
    private final SupervisorActions supervisorActions;
    private final WebProperties properties;
    private final ApplicantMessages messages;
    private final CaseArchive archive;
    private final UserDirectory users;
    private final UndeliverableMails undeliverable;
    private final UndeliverableMailActions undeliverableActions;
    private final CaseDataCorrections corrections;

    CasePageController(StaffAccess access, ApplicationRepository applications, WorkflowService workflow,
            SopCatalog catalog, DocumentStore documents, DossierService dossier, CaseTimeline timeline,
            InboxQueries inbox, WebProperties properties, TaskRepository tasks, SupervisorActions supervisorActions,
            ApplicantMessages messages, CaseArchive archive, UserDirectory users, UndeliverableMails undeliverable,
            UndeliverableMailActions undeliverableActions, CaseDataCorrections corrections) {
        this.corrections = corrections;
        this.undeliverable = undeliverable;
        this.undeliverableActions = undeliverableActions;
        this.archive = archive;
        this.users = users;
        this.messages = messages;
        this.access = access;
        this.applications = applications;
        this.workflow = workflow;
        this.catalog = catalog;
        this.documents = documents;
        this.dossier = dossier;
        this.timeline = timeline;
        this.inbox = inbox;
        this.tasks = tasks;
        this.supervisorActions = supervisorActions;
        this.properties = properties;
    }

    @GetMapping("/permohonan")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String sop, Authentication auth, Model model) {
        requireLookUp(auth);
        CaseStatus only = parseStatus(status);
        String service = sop == null || catalog.find(sop).isEmpty() ? null : sop;
        int limit = properties.caseSearchLimit();
        List<Application> found = applications.search(q, only, service, limit + 1);
        Map<String, String> sopNames = new HashMap<>();
        for (Application a : found) {
            sopNames.computeIfAbsent(a.sopCode() + ':' + a.sopVersion(),
                    k -> catalog.find(a.sopCode(), a.sopVersion()).map(SopDefinition::name).orElse(a.sopCode()));
        }
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("status", only);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("sop", service);
        model.addAttribute("sops", catalog.all().stream()
                .sorted(java.util.Comparator.comparing(SopDefinition::name)).toList());
        model.addAttribute("cases", found.size() > limit ? found.subList(0, limit) : found);
        model.addAttribute("more", found.size() > limit);
        model.addAttribute("limit", limit);
        model.addAttribute("sopNames", sopNames);
        return "permohonan";
    }

    @GetMapping("/permohonan/{id}")
    String show(@PathVariable String id, Authentication auth, Model model) {
        requireLookUp(auth);
        Application app = applications.find(id).orElseThrow(() -> WorkflowException.notFound("no application " + id));
        SopDefinition sop = catalog.require(app.sopCode(), app.sopVersion());
        List<Task> history = workflow.history(id);
        List<OpenStep> open = inbox.ofCase(id).stream().map(t -> {
            boolean supervised = access.supervises(auth, t.actor());
            return new OpenStep(t, access.actorName(t.actor()), access.mayActAs(auth, t.actor()), supervised,
                    supervised ? supervisorActions.holdersToday(t.actor()) : List.of());
        }).toList();
        model.addAttribute("app", app);
        model.addAttribute("sop", sop);
        model.addAttribute("open", open);
        model.addAttribute("supervising", open.stream().anyMatch(OpenStep::supervised));
        model.addAttribute("history", timeline.of(sop, id, history));
        model.addAttribute("documents", documents.ofApplication(id));
        DossierView checklist = dossier.view(id);
        model.addAttribute("dossier", checklist.required().isEmpty() ? null : checklist);
        model.addAttribute("mayCorrectDossier", false);
        model.addAttribute("applicantMessages", messages.ofCase(id));
        model.addAttribute("undeliverable", undeliverable.ofCase(id));
        model.addAttribute("mayResend", access.mayAnswerApplicants(auth));
        boolean mayCorrect = access.mayAnswerApplicants(auth);
        model.addAttribute("mayCorrectData", mayCorrect);
        if (mayCorrect) {
            model.addAttribute("identityLock", corrections.identityLock(app).map(Enum::name).orElse(null));
            model.addAttribute("maxReason", CaseDataPageController.MAX_REASON);
        }
        MessagePageController.answering(access, properties, auth, model);
        return "kasus";
    }

    /** A mail of the case the recipient's server refused for good, sent again (to a corrected address). */
    @PostMapping("/permohonan/{id}/email-gagal/kirim-ulang")
    String resend(@PathVariable String id, @RequestParam String key,
            @RequestParam(name = "ke", required = false) String to, Authentication auth, RedirectAttributes flash) {
        requireUndeliverable(id, key, auth);
        try {
            String address = undeliverableActions.resend(key, to, auth.getName());
            flash.addFlashAttribute("notice", "case.undeliverable.resent");
            flash.addFlashAttribute("noticeArgs", new Object[] {address});
        } catch (WorkflowException e) {
            flash.addFlashAttribute("error", e.reason() == WorkflowException.Reason.UNPROCESSABLE
                    ? "case.undeliverable.badAddress" : "case.undeliverable.taken");
        }
        return "redirect:/permohonan/" + id + "#email-gagal";
    }

    /** Closed without sending: the applicant was reached another way. */
    @PostMapping("/permohonan/{id}/email-gagal/tutup")
    String closeUndeliverable(@PathVariable String id, @RequestParam String key,
            @RequestParam(required = false) String note, Authentication auth, RedirectAttributes flash) {
        requireUndeliverable(id, key, auth);
        if (note != null && note.strip().replace("\r\n", "\n").length() > 500) {
            flash.addFlashAttribute("error", "case.undeliverable.noteTooLong");
            return "redirect:/permohonan/" + id + "#email-gagal";
        }
        try {
            undeliverableActions.close(key, note == null ? null : note.replace("\r\n", "\n"), auth.getName());
            flash.addFlashAttribute("notice", "case.undeliverable.closed");
        } catch (WorkflowException e) {
            flash.addFlashAttribute("error", "case.undeliverable.taken");
        }
        return "redirect:/permohonan/" + id + "#email-gagal";
    }

    private void requireUndeliverable(String id, String key, Authentication auth) {
        requireLookUp(auth);
        if (!access.mayAnswerApplicants(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not act on refused mails");
        }
        if (undeliverable.find(key).filter(m -> id.equals(m.applicationId())).isEmpty()) {
            throw WorkflowException.notFound("no refused mail " + key + " of case " + id);
        }
    }

    /**
     * The case's archive as one ZIP (documents, history as PDF and CSV, audit entries, SHA256SUMS; {@link
     * CaseArchive}), for whoever may look the case up; each download is audited.
     */
    @GetMapping("/permohonan/{id}/arsip")
    @ResponseBody
    void archive(@PathVariable String id, Authentication auth, HttpServletResponse response) throws IOException {
        requireLookUp(auth);
        Application app = archive.require(id);
        // Written on the request's own thread: an asynchronous body would be cut off by the servlet container's
        // asynchronous timeout (30 s), which a large archive over an office's link can take
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + CaseArchive.fileName(app) + "\"");
        archive.write(app, auth.getName(), response.getOutputStream());
    }

    /** A supervisor puts a held task back in its actor's inbox, for anyone holding the role to take. */
    @PostMapping("/permohonan/{id}/tugas/{taskId}/lepas")
    String release(@PathVariable String id, @PathVariable String taskId, Authentication auth,
            RedirectAttributes flash) {
        requireLookUp(auth);
        Task task = taskOf(id, taskId);
        try {
            supervisorActions.release(taskId, access.caller(auth));
            flash.addFlashAttribute("notice", "case.release.done");
            String holder = task.claimedBy() == null ? "-" : task.claimedBy();
            flash.addFlashAttribute("noticeArgs", new Object[] {task.stepNo(), holder});
        } catch (WorkflowException e) {
            refusal(e, flash);
        }
        return "redirect:/permohonan/" + id + "#where";
    }

    /** A supervisor hands a task to a named member of staff who holds its actor today. */
    @PostMapping("/permohonan/{id}/tugas/{taskId}/alihkan")
    String reassign(@PathVariable String id, @PathVariable String taskId,
            @RequestParam(name = "ke", required = false) String to, Authentication auth, RedirectAttributes flash) {
        requireLookUp(auth);
        Task task = taskOf(id, taskId);
        try {
            supervisorActions.reassign(taskId, to, access.caller(auth));
            flash.addFlashAttribute("notice", "case.reassign.done");
            flash.addFlashAttribute("noticeArgs", new Object[] {task.stepNo(), to.strip()});
            MailNotice.told(users.emailOf(to.strip()), to.strip(), flash);
        } catch (WorkflowException e) {
            refusal(e, flash);
        }
        return "redirect:/permohonan/" + id + "#where";
    }

    /** The task, which must be one of this case's: a task id pasted under another case is not found. */
    private Task taskOf(String applicationId, String taskId) {
        return tasks.find(taskId).filter(t -> t.applicationId().equals(applicationId))
                .orElseThrow(() -> WorkflowException.notFound("no task " + taskId + " in case " + applicationId));
    }

    private static void refusal(WorkflowException e, RedirectAttributes flash) {
        flash.addFlashAttribute("error", switch (e.reason()) {
            case NOT_FOUND -> "task.error.notFound";
            case FORBIDDEN -> "case.supervise.forbidden";
            case CONFLICT -> "case.supervise.conflict";
            case UNPROCESSABLE -> "case.reassign.notHolder";
        });
    }

    private void requireLookUp(Authentication auth) {
        if (!access.mayLookUpCases(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not look cases up");
        }
    }

    /** The status chosen in the form; none (every status) when blank or not one of them. */
    private static CaseStatus parseStatus(String status) {
        return java.util.Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
    }
}
