package id.pintu.sla;

import id.pintu.security.Callers;
import id.pintu.workflow.Caller;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.WorkflowException;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deadlines of a case, escalations for supervisors, and the supervisors' release and reassignment (staff only). */
@RestController
class SlaController {

    record Reassignment(@Size(max = 64) String to) {}

    record TaskHolder(String taskId, int step, String actor, String status, String claimedBy, int escalationLevel) {}

    private final CaseSla caseSla;
    private final EscalationRepository escalations;
    private final SupervisorActions supervisor;
    private final TaskRepository tasks;

    SlaController(CaseSla caseSla, EscalationRepository escalations, SupervisorActions supervisor,
            TaskRepository tasks) {
        this.caseSla = caseSla;
        this.escalations = escalations;
        this.supervisor = supervisor;
        this.tasks = tasks;
    }

    @GetMapping("/api/applications/{id}/sla")
    CaseSla.View sla(@PathVariable String id) {
        return caseSla.of(id);
    }

    /**
     * Escalations addressed to an actor (reminders of its own tasks, breaches of the actors it supervises), newest
     * first. Without {@code actor}: those addressed to any role the caller holds.
     */
    @GetMapping("/api/escalations")
    List<EscalationRepository.Listed> escalations(@RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "200") int limit,
            Authentication auth) {
        Caller caller = Callers.of(auth);
        Set<String> actors;
        if (actor != null && !actor.isBlank()) {
            if (!caller.holds(actor)) {
                throw WorkflowException.forbidden(caller.name() + " does not hold the role " + actor);
            }
            actors = Set.of(actor);
        } else {
            actors = caller.actors();
        }
        if (actors.isEmpty()) {
            return List.of();
        }
        return escalations.addressedTo(actors, open, Math.min(Math.max(limit, 1), 1000));
    }

    @PostMapping("/api/tasks/{taskId}/release")
    TaskHolder release(@PathVariable String taskId, Authentication auth) {
        supervisor.release(taskId, Callers.of(auth));
        return holder(taskId);
    }

    @PostMapping("/api/tasks/{taskId}/reassign")
    TaskHolder reassign(@PathVariable String taskId, @RequestBody(required = false) Reassignment body,
            Authentication auth) {
        supervisor.reassign(taskId, body == null ? null : body.to(), Callers.of(auth));
        return holder(taskId);
    }

    private TaskHolder holder(String taskId) {
        Task t = tasks.find(taskId).orElseThrow();
        int level = escalations.levels(List.of(taskId)).getOrDefault(taskId, 0);
        return new TaskHolder(t.id(), t.stepNo(), t.actor(), t.status().name(), t.claimedBy(), level);
    }
}
