package id.pintu.api;

import id.pintu.security.Callers;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff inboxes (one per actor, fed by the actor's queue, shared by every SOP; {@code ?sop=} shows one SOP's tasks)
 * and the work on a task.
 */
@RestController
class TaskController {

    record Completion(@Size(max = 64) String outcome, @Size(max = 2000) String note) {}

    private final WorkflowService workflow;
    private final TaskRepository tasks;
    private final ApplicationRepository applications;
    private final SopCatalog catalog;

    TaskController(WorkflowService workflow, TaskRepository tasks, ApplicationRepository applications,
            SopCatalog catalog) {
        this.catalog = catalog;
        this.workflow = workflow;
        this.tasks = tasks;
        this.applications = applications;
    }

    @GetMapping("/api/inbox/{actor}")
    List<TaskView> inbox(@PathVariable String actor, @RequestParam(defaultValue = "200") int limit,
            @RequestParam(required = false) String sop, Authentication auth) {
        if (!workflow.mayActAs(Callers.of(auth), actor)) {
            throw WorkflowException.forbidden(auth.getName() + " does not hold the role " + actor);
        }
        String sopCode = sop == null || sop.isBlank() ? null : sop.trim();
        if (sopCode != null && catalog.find(sopCode).isEmpty()) {
            throw WorkflowException.notFound("no SOP " + sopCode);
        }
        return tasks.inbox(actor, sopCode, Math.min(Math.max(limit, 1), 1000)).stream().map(this::view).toList();
    }

    @PostMapping("/api/inbox/{actor}/next")
    ResponseEntity<TaskView> next(@PathVariable String actor, Authentication auth) {
        return workflow.takeNext(actor, Callers.of(auth))
                .map(t -> ResponseEntity.ok(view(t)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/api/tasks/{taskId}")
    TaskView task(@PathVariable String taskId) {
        return view(tasks.find(taskId).orElseThrow(() -> WorkflowException.notFound("no task " + taskId)));
    }

    @PostMapping("/api/tasks/{taskId}/claim")
    TaskView claim(@PathVariable String taskId, Authentication auth) {
        return view(workflow.claim(taskId, Callers.of(auth)));
    }

    @PostMapping("/api/tasks/{taskId}/complete")
    TaskView complete(@PathVariable String taskId, @Valid @RequestBody(required = false) Completion body,
            Authentication auth) {
        Completion c = body == null ? new Completion(null, null) : body;
        return view(workflow.complete(taskId, c.outcome(), c.note(), Callers.of(auth)));
    }

    private TaskView view(Task t) {
        return TaskView.of(t, applications.find(t.applicationId()).orElse(null));
    }
}
