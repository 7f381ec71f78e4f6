package id.pintu.sla;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.security.ActingOfficials;
import id.pintu.security.StaffUser;
import id.pintu.security.UserDirectory;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.Caller;
import id.pintu.workflow.WorkflowException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a supervisor does with a stuck task: release it (back to the actor's inbox, unclaimed, so anyone holding
 * the role can take it) or reassign it to a named user who holds the role. A supervisor is any actor above the
 * task's actor in the supervision chain (the head of office supervises its own tasks). Each is an audit entry
 * ({@code TASK_RELEASED}, {@code TASK_REASSIGNED}: who held the task before and after), committed with the change.
 */
@Service
public class SupervisorActions {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorActions.class);

    private final EscalationRepository repository;
    private final Supervision supervision;
    private final SopCatalog catalog;
    private final UserDirectory users;
    private final ActingOfficials acting;
    private final AuditTrail audit;
    private final ReassignedTaskNotice notice;
    private final Clock clock;

    public SupervisorActions(EscalationRepository repository, Supervision supervision, SopCatalog catalog,
            UserDirectory users, ActingOfficials acting, AuditTrail audit, ReassignedTaskNotice notice, Clock clock) {
        this.repository = repository;
        this.supervision = supervision;
        this.catalog = catalog;
        this.users = users;
        this.acting = acting;
        this.audit = audit;
        this.notice = notice;
        this.clock = clock;
    }

    @Transactional
    public void release(String taskId, Caller caller) {
        EscalationRepository.TaskState task = supervised(taskId, caller);
        if (!repository.release(taskId)) {
            throw WorkflowException.conflict("task " + taskId + " is no longer open");
        }
        record(caller, AuditActions.TASK_RELEASED, task, null);
        LOG.info("Task {} (step {}, {}) released by supervisor {} (was held by {})", taskId, task.stepNo(),
                task.actor(), caller.name(), task.claimedBy());
    }

    @Transactional
    public void reassign(String taskId, String to, Caller caller) {
        EscalationRepository.TaskState task = supervised(taskId, caller);
        if (to == null || to.isBlank()) {
            throw WorkflowException.unprocessable("name the user to reassign the task to: {\"to\": \"<username>\"}");
        }
        StaffUser target = users.find(to.trim())
                .orElseThrow(() -> WorkflowException.unprocessable("no staff user '" + to.trim() + "'"));
        acting.absentToday(target.username()).ifPresent(away -> {
            throw WorkflowException.unprocessable(target.username() + " is away today"
                    + (away.reason() == null ? "" : " (" + away.reason() + ")") + " until " + away.to()
                    + ", so cannot perform step " + task.stepNo());
        });
        if (!acting.rolesOf(target).contains(task.actor())) {
            throw WorkflowException.unprocessable(target.username() + " does not hold the role " + task.actor()
                    + " today, so cannot perform step " + task.stepNo());
        }
        if (!repository.reassign(taskId, target.username(), clock.instant())) {
            throw WorkflowException.conflict("task " + taskId + " is no longer open");
        }
        record(caller, AuditActions.TASK_REASSIGNED, task, target.username());
        notice.queue(taskId, target, caller.name());
        LOG.info("Task {} (step {}, {}) reassigned by supervisor {} from {} to {}", taskId, task.stepNo(),
                task.actor(), caller.name(), task.claimedBy(), target.username());
    }

    /** Who held the task before and after, in the audit trail, in the same transaction as the change. */
    private void record(Caller caller, String action, EscalationRepository.TaskState task, String holder) {
        audit.append(holderChange(caller.name(), action, task, holder));
    }

    /** The audit record of a change of a task's holder: its step, actor and holder before and after. */
    static AuditTrail.Record holderChange(String by, String action, EscalationRepository.TaskState task,
            String holder) {
        return holderChange(by, action, task, holder, Map.of());
    }

    /** The same, with more facts on the state after (why the system released a task). */
    static AuditTrail.Record holderChange(String by, String action, EscalationRepository.TaskState task,
            String holder, Map<String, Object> why) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("step", task.stepNo());
        before.put("actor", task.actor());
        before.put("claimedBy", task.claimedBy());
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("claimedBy", holder);
        after.putAll(why);
        return new AuditTrail.Record(by, action, task.applicationId(), task.taskId(), before, after, null);
    }

    /** Whether the caller stands above the actor in the supervision chain (the head of office: its own too). */
    public boolean supervises(Caller caller, String actor) {
        return !caller.isApplicant() && !catalog.isApplicant(actor)
                && supervision.chainAbove(actor).stream().anyMatch(caller::holds);
    }

    /** Whether the caller supervises some actor: holds an actor that stands above another in the chain. */
    public boolean supervisesAnyone(Caller caller) {
        return !caller.isApplicant() && supervision.supervisors().values().stream().anyMatch(caller::holds);
    }

    /** The staff who hold the actor today (own role or acting), whom its task may be reassigned to, by username. */
    public List<StaffUser> holdersToday(String actor) {
        return users.all().stream().filter(u -> acting.rolesOf(u).contains(actor))
                .sorted(java.util.Comparator.comparing(StaffUser::username)).toList();
    }

    private EscalationRepository.TaskState supervised(String taskId, Caller caller) {
        EscalationRepository.TaskState task = repository.task(taskId)
                .orElseThrow(() -> WorkflowException.notFound("no task " + taskId));
        if (catalog.isApplicant(task.actor())) {
            throw WorkflowException.unprocessable("step " + task.stepNo() + " waits for the applicant; it is not"
                    + " assigned to staff");
        }
        if (!supervises(caller, task.actor())) {
            throw WorkflowException.forbidden(caller.name() + " does not supervise " + task.actor() + " (supervisors: "
                    + String.join(", ", supervision.chainAbove(task.actor())) + ")");
        }
        if (!"OPEN".equals(task.status())) {
            throw WorkflowException.conflict("task " + taskId + " is already " + task.status().toLowerCase());
        }
        return task;
    }
}
