package id.pintu.api;

import id.pintu.intake.DossierService;
import id.pintu.intake.DossierView;
import id.pintu.oss.OssWaits;
import id.pintu.sla.LatestFinish;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.Caller;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's side, opened by the tracking code plus the secret token issued at submission: where the case
 * stands (no staff names, no internal notes), and confirming the applicant's own steps (receipt of the letter or
 * permit, the answer to a clarification).
 */
@RestController
@RequestMapping("/api/track/{trackingCode}")
class TrackingController {

    record TrackedStep(int step, String name, String kind, String status, Instant enteredAt, Instant completedAt,
            boolean yours) {}

    /**
     * @param pendingWith while no task is open because a step's call to the national OSS system is not taken yet:
     *     {@code "OSS"} (being sent or retried) or {@code "STAFF"} (OSS refused it or the retries ran out; staff
     *     follow it up); otherwise absent
     * @param stepDueAt while a step of the office's is open: when it is due
     * @param latestFinish while a step of the office's is open: when the office's work ends at the latest if every
     *     remaining step takes its whole mutu baku (waits for the applicant not included; {@link LatestFinish})
     * @param dossier the files the applicant sent against the SOP's required documents (absent for an SOP without a
     *     dossier list): what /lacak shows, without staff names
     */
    record Tracked(String trackingCode, String sop, String status, String company, Instant submittedAt,
            Instant closedAt, List<TrackedStep> steps, TrackedStep waitingForYou, String pendingWith,
            Instant stepDueAt, Instant latestFinish, TrackedDossier dossier) {}

    /** @param status PRESENT, MISSING or INVALID (only refused files) */
    record TrackedRequirement(String key, String label, String status, List<TrackedFile> files) {}

    /** @param documentId to download it from {@code /lacak/dokumen/{documentId}}; absent for a refused file */
    record TrackedFile(String name, String documentId, boolean accepted, String problem) {

        static TrackedFile of(DossierView.File f) {
            return new TrackedFile(f.name(), f.documentId(), f.valid(), f.problem());
        }
    }

    record TrackedDossier(boolean complete, List<TrackedRequirement> required, List<TrackedFile> otherFiles) {

        static TrackedDossier of(DossierView v) {
            if (v.required().isEmpty()) {
                return null;
            }
            return new TrackedDossier(v.complete(), v.required().stream()
                    .map(i -> new TrackedRequirement(i.key(), i.label(), i.status(),
                            i.files().stream().map(TrackedFile::of).toList()))
                    .toList(), v.unmatched().stream().map(TrackedFile::of).toList());
        }
    }

    record Confirmation(@Size(max = 200) String token, @Size(max = 2000) String note) {}

    private final WorkflowService workflow;
    private final ApplicationRepository applications;
    private final OssWaits ossWaits;
    private final LatestFinish latestFinish;
    private final DossierService dossier;

    TrackingController(WorkflowService workflow, ApplicationRepository applications, OssWaits ossWaits,
            LatestFinish latestFinish, DossierService dossier) {
        this.dossier = dossier;
        this.workflow = workflow;
        this.applications = applications;
        this.ossWaits = ossWaits;
        this.latestFinish = latestFinish;
    }

    @GetMapping
    Tracked track(@PathVariable String trackingCode, @RequestParam(required = false) String token,
            @RequestHeader(name = "X-Pintu-Token", required = false) String headerToken) {
        Application a = open(trackingCode, headerToken != null ? headerToken : token);
        return view(a);
    }

    @PostMapping("/confirm")
    Tracked confirm(@PathVariable String trackingCode, @Valid @RequestBody Confirmation body) {
        Application a = open(trackingCode, body.token());
        // A clarification the applicant answers, or the receipt of the case's last letter; another step of the
        // applicant's is completed by the front office when what it asks for (a payment's proof) has arrived
        Task waiting = workflow.openTasks(a.id()).stream()
                .filter(t -> workflow.mayActAs(applicant(a), t.actor()))
                .filter(t -> t.kind() == TaskKind.CLARIFICATION || workflow.applicantConfirms(a, t))
                .findFirst()
                .orElseThrow(() -> WorkflowException.conflict("nothing is waiting for the applicant's confirmation"));
        workflow.complete(waiting.id(), null, body.note(), applicant(a));
        return view(applications.find(a.id()).orElseThrow());
    }

    @PostMapping("/withdraw")
    Tracked withdraw(@PathVariable String trackingCode, @Valid @RequestBody Confirmation body) {
        Application a = open(trackingCode, body.token());
        return view(workflow.withdraw(a.id(), body.note(), applicant(a)));
    }

    private static Caller applicant(Application a) {
        return Caller.applicant(a.id(), a.applicant().email());
    }

    /** Unknown code and wrong token answer the same, so codes cannot be probed. */
    private Application open(String trackingCode, String token) {
        return applications.findByTrackingCode(trackingCode)
                .filter(a -> workflow.tokenMatches(a.id(), token))
                .orElseThrow(() -> WorkflowException.notFound("no application with this tracking code and token"));
    }

    private Tracked view(Application a) {
        Caller me = applicant(a);
        List<Task> history = workflow.history(a.id());
        Optional<Task> officeStep = history.stream()
                .filter(t -> t.isOpen() && !workflow.mayActAs(me, t.actor()))
                .findFirst();
        Optional<Instant> finish = officeStep.flatMap(t -> latestFinish.of(a, t));
        List<TrackedStep> steps = history.stream()
                .map(t -> new TrackedStep(t.stepNo(), t.stepName(), t.kind().name(), t.status().name(), t.enteredAt(),
                        t.completedAt(), workflow.mayActAs(me, t.actor())))
                .toList();
        TrackedStep waiting = steps.stream()
                .filter(s -> s.yours() && "OPEN".equals(s.status()))
                .findFirst()
                .orElse(null);
        boolean between = a.status() == CaseStatus.IN_PROGRESS
                && steps.stream().noneMatch(s -> "OPEN".equals(s.status()));
        String pendingWith = between ? ossWaits.of(a.id()).map(w -> w.kind().name()).orElse(null) : null;
        return new Tracked(a.trackingCode(), a.sopCode(), a.status().name(), a.company().name(), a.submittedAt(),
                a.closedAt(), steps, waiting, pendingWith, finish.isPresent() ? officeStep.get().dueAt() : null,
                finish.orElse(null), TrackedDossier.of(dossier.view(a.id())));
    }
}
