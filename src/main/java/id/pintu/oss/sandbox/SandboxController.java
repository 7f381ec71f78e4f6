package id.pintu.oss.sandbox;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OSS sandbox over HTTP: OSS's interface at {@code /oss-sandbox/v1/kl/rba/{method}}, its switches at
 * {@code /oss-sandbox/control}, and what it holds at {@code /oss-sandbox/records} and {@code /oss-sandbox/requests}
 * (JSON, for tests and scripts; the page at {@code /oss-sandbox/} shows the same).
 */
@RestController
@ConditionalOnProperty(prefix = "pintu.oss.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
class SandboxController {

    private final OssSandbox sandbox;
    private final SandboxRepository repository;
    private final SandboxProperties properties;

    SandboxController(OssSandbox sandbox, SandboxRepository repository, SandboxProperties properties) {
        this.sandbox = sandbox;
        this.repository = repository;
        this.properties = properties;
    }

    @PostMapping(path = "/oss-sandbox/v1/kl/rba/{method}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> call(@PathVariable String method, @RequestBody(required = false) String body,
            @RequestHeader org.springframework.http.HttpHeaders headers) {
        OssSandbox.Reply r = sandbox.handle(method, headers.getFirst(properties.keyHeader()),
                headers.getFirst(properties.idempotencyHeader()), body);
        return ResponseEntity.status(r.httpStatus()).contentType(MediaType.APPLICATION_JSON).body(r.body().toString());
    }

    /** The base path answers a GET (the hub's health probe): 503 while the sandbox is down. */
    @GetMapping(path = "/oss-sandbox/v1/kl/rba", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> ping() {
        int status = sandbox.ping();
        return ResponseEntity.status(status).body(Map.of("kode", status, "keterangan",
                status == 200 ? "OSS SANDBOX (bukan sistem OSS) siap" : "sedang tidak tersedia (down)"));
    }

    @GetMapping(path = "/oss-sandbox/control", produces = MediaType.APPLICATION_JSON_VALUE)
    SandboxSwitches switches() {
        return sandbox.switches();
    }

    @PostMapping(path = "/oss-sandbox/control", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> control(@RequestBody SandboxSwitches change) {
        return sandbox.control(change)
                .<ResponseEntity<Object>>map(error -> ResponseEntity.badRequest()
                        .body(Map.of("status", 400, "error", error)))
                .orElseGet(() -> ResponseEntity.ok(sandbox.switches()));
    }

    @GetMapping(path = "/oss-sandbox/records", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SandboxRepository.Record> records(@RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "200") int limit) {
        return repository.records(key, Math.min(Math.max(limit, 1), 5000));
    }

    @GetMapping(path = "/oss-sandbox/requests", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SandboxRepository.Received> requests(@RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "200") int limit) {
        return repository.requests(key, Math.min(Math.max(limit, 1), 5000));
    }
}
