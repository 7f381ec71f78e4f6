package id.pintu.intake;

import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.Caller;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * SOP step 2, the completeness check, is the front office's decision. When the office allows it
 * ({@code pintu.intake.auto-clarify}) and required documents are plainly missing from an emailed dossier, the hub
 * makes the "incomplete" decision itself as soon as the step is entered, which sends the applicant the
 * clarification mail. Limited in rounds, so a case never bounces forever without a clerk looking at it.
 */
@Component
public class CompletenessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CompletenessCheck.class);

    private final DossierRequirements requirements;
    private final DossierService dossier;
    private final WorkflowService workflow;
    private final ApplicationRepository applications;
    private final IntakeProperties properties;

    public CompletenessCheck(DossierRequirements requirements, DossierService dossier, WorkflowService workflow,
            ApplicationRepository applications, IntakeProperties properties) {
        this.requirements = requirements;
        this.dossier = dossier;
        this.workflow = workflow;
        this.applications = applications;
        this.properties = properties;
    }

    public void onEvent(CaseEvent e) {
        if (!properties.autoClarify() || !CaseEvent.STEP_ENTERED.equals(e.type()) || e.taskKind() != TaskKind.STEP) {
            return;
        }
        DossierRequirements.Dossier d = requirements.of(e.sopCode());
        if (d.completenessStep() == null || !d.completenessStep().equals(e.stepNo()) || d.incompleteOutcome() == null) {
            return;
        }
        Application app = applications.find(e.applicationId()).orElse(null);
        if (app == null || !EmailIntake.CHANNEL.equals(app.channel())) {
            // Only an emailed dossier is read file by file; a walk-in scan may hold the whole dossier in one PDF.
            return;
        }
        List<DossierRequirements.Requirement> missing = dossier.missing(app.id());
        if (missing.isEmpty()) {
            return;
        }
        List<Task> history = workflow.history(app.id());
        long rounds = history.stream().filter(t -> t.kind() == TaskKind.CLARIFICATION).count();
        if (rounds >= properties.autoClarifyMaxRounds()) {
            LOG.info("Case {}: {} clarifications already; the front office decides", app.trackingCode(), rounds);
            return;
        }
        Task task = history.stream().filter(t -> t.id().equals(e.taskId()) && t.isOpen()).findFirst().orElse(null);
        if (task == null) {
            return;
        }
        String note = "Diperiksa otomatis oleh sistem: dokumen wajib belum lengkap atau tidak dapat diterima: "
                + String.join(", ", missing.stream().map(DossierRequirements.Requirement::label).toList());
        try {
            workflow.complete(task.id(), d.incompleteOutcome(), note,
                    Caller.staff(properties.intakeUser(), Set.of(task.actor())));
            LOG.info("Case {}: {} required document(s) missing; clarification asked", app.trackingCode(),
                    missing.size());
        } catch (WorkflowException ex) {
            // A clerk took the task first: the decision is theirs.
            LOG.info("Case {}: not asking for clarification by itself: {}", app.trackingCode(), ex.getMessage());
        }
    }
}
