package id.pintu.oss;

import id.pintu.security.Callers;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.Caller;
import id.pintu.workflow.WorkflowException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff views of the OSS bridge: what OSS knows a case by (and when its permit took effect), the calls that could
 * not be made (a staff task each), and the retry of one of them by the front office or an administrator.
 */
@RestController
class OssController {

    static final String RETRY_ACTOR = "front-office";

    private final OssRepository repository;
    private final OssBridge bridge;
    private final ApplicationRepository applications;

    OssController(OssRepository repository, OssBridge bridge, ApplicationRepository applications) {
        this.repository = repository;
        this.bridge = bridge;
        this.applications = applications;
    }

    @GetMapping("/api/applications/{id}/oss")
    Map<String, Object> ofCase(@PathVariable String id) {
        applications.find(id).orElseThrow(() -> WorkflowException.notFound("no application " + id));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("applicationId", id);
        repository.findCase(id).ifPresent(c -> {
            view.put("nib", c.nib());
            view.put("idIzin", c.idIzin());
            view.put("effectiveAt", c.effectiveAt());
        });
        view.put("calls", repository.callsOf(id).stream().map(OssController::call).toList());
        view.put("failures", repository.failuresOf(id).stream().map(OssController::failure).toList());
        view.put("inbound", repository.inboundOf(id).stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("method", i.method());
            m.put("documentId", i.documentId());
            m.put("receivedAt", i.receivedAt());
            return m;
        }).toList());
        return view;
    }

    @GetMapping("/api/oss/failures")
    List<Map<String, Object>> failures(@RequestParam(defaultValue = "OPEN") OssRepository.FailureStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        return repository.failures(status, Math.min(Math.max(limit, 1), 1000)).stream()
                .map(OssController::failure).toList();
    }

    @PostMapping("/api/oss/failures/{id}/retry")
    Map<String, Object> retry(@PathVariable String id, Authentication auth) {
        Caller caller = Callers.of(auth);
        if (!Callers.admin(auth) && !caller.holds(RETRY_ACTOR)) {
            throw WorkflowException.forbidden("only the " + RETRY_ACTOR + " or an administrator may retry an OSS call");
        }
        return failure(bridge.retry(id, caller.name()));
    }

    @GetMapping("/api/oss/inbound-review")
    List<OssRepository.Review> reviews(@RequestParam(defaultValue = "100") int limit) {
        return repository.reviews(Math.min(Math.max(limit, 1), 1000));
    }

    private static Map<String, Object> call(OssRepository.Call c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", c.key());
        m.put("step", c.step());
        m.put("integration", c.integration());
        m.put("method", c.method());
        m.put("status", c.status());
        m.put("attempts", c.attempts());
        m.put("ossReference", c.ossReference());
        m.put("lastError", c.lastError());
        m.put("createdAt", c.createdAt());
        m.put("doneAt", c.doneAt());
        return m;
    }

    private static Map<String, Object> failure(OssRepository.Failure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("applicationId", f.applicationId());
        m.put("step", f.step());
        m.put("method", f.method());
        m.put("key", f.key());
        m.put("error", f.error());
        m.put("attempts", f.attempts());
        m.put("lastAttemptAt", f.lastAttemptAt());
        m.put("status", f.status());
        m.put("createdAt", f.createdAt());
        m.put("retriedAt", f.retriedAt());
        m.put("retriedBy", f.retriedBy());
        m.put("resolvedAt", f.resolvedAt());
        return m;
    }
}
