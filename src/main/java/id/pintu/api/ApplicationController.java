package id.pintu.api;

import id.pintu.security.Callers;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.NewApplication;
import id.pintu.workflow.Submitted;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    private final WorkflowService workflow;
    private final ApplicationRepository applications;
    private final SopCatalog catalog;

    ApplicationController(WorkflowService workflow, ApplicationRepository applications, SopCatalog catalog) {
        this.workflow = workflow;
        this.applications = applications;
        this.catalog = catalog;
    }

    /** Public intake (SOP step 1). The token in the answer is shown once: it is the applicant's key to the case. */
    @PostMapping
    ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody SubmitRequest body) {
        if (body.sop() != null && catalog.find(body.sop()).isEmpty()) {
            throw new ApiErrors.FieldProblem("sop", "unknown SOP '" + body.sop() + "'; see GET /api/sops");
        }
        Submitted s = workflow.submit(new NewApplication(body.sop(),
                body.applicant().toApplicant(), body.company().toCompany(), body.description(), "api"));
        Application a = s.application();
        List<TaskView> open = workflow.openTasks(a.id()).stream().map(t -> TaskView.of(t, a)).toList();
        return ResponseEntity.created(URI.create("/api/applications/" + a.id()))
                .body(Map.of(
                        "id", a.id(),
                        "trackingCode", a.trackingCode(),
                        "token", s.token(),
                        "status", a.status().name(),
                        "sop", a.sopCode(), "sopVersion", a.sopVersion(),
                        "tasks", open,
                        "trackUrl", "/lacak?kode=" + a.trackingCode() + "&token=" + s.token()));
    }

    @GetMapping("/{id}")
    CaseView get(@PathVariable String id) {
        Application a = applications.find(id).orElseThrow(() -> WorkflowException.notFound("no application " + id));
        return CaseView.of(a, workflow.history(id));
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) CaseStatus status, @RequestParam(required = false) String sop,
            @RequestParam(defaultValue = "100") int limit) {
        return applications.search(q, status, sop, Math.min(Math.max(limit, 1), 1000)).stream()
                .map(a -> Map.<String, Object>of("id", a.id(), "trackingCode", a.trackingCode(), "sop", a.sopCode(), "sopVersion", a.sopVersion(),
                        "status", a.status().name(), "company", a.company().name(), "submittedAt", a.submittedAt()))
                .toList();
    }

    @PostMapping("/{id}/withdraw")
    CaseView withdraw(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
            Authentication auth) {
        Application a = workflow.withdraw(id, body == null ? null : body.get("note"), Callers.of(auth));
        return CaseView.of(a, workflow.history(id));
    }
}
