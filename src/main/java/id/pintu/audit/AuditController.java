package id.pintu.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin operations on the audit trail (under /api/admin, which only admins reach): verify the chain, export it as
 * JSON lines for an external archive, and run the retention purge now.
 */
@RestController
@RequestMapping("/api/admin")
class AuditController {

    private final AuditTrail trail;
    private final RetentionPurge purge;
    private final ObjectMapper json;

    AuditController(AuditTrail trail, RetentionPurge purge, ObjectMapper json) {
        this.trail = trail;
        this.purge = purge;
        this.json = json;
    }

    /** 200 with {@code ok: true}, or 409 naming the first broken entry. */
    @GetMapping("/audit/verify")
    ResponseEntity<ChainVerifier.Result> verify() {
        ChainVerifier.Result r = trail.verify();
        return ResponseEntity.status(r.ok() ? 200 : 409).body(r);
    }

    /**
     * One JSON object per line, in chain order, from entry {@code from} on (for incremental archiving). Written on the
     * request's own thread while the rows are read: an asynchronous body would be cut off by the servlet container's
     * asynchronous timeout (30 s), which a chain of millions of entries takes longer than.
     */
    @GetMapping(value = "/audit/export", produces = "application/x-ndjson")
    void export(@RequestParam(defaultValue = "1") long from, HttpServletResponse response) throws IOException {
        response.setContentType("application/x-ndjson");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pintu-audit.jsonl\"");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        try {
            trail.export(from, e -> {
                try {
                    out.write(json.writeValueAsString(e).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UncheckedIOException x) {
            throw x.getCause(); // the client went away
        }
        out.flush();
    }

    @PostMapping("/retention/purge")
    List<RetentionPurge.Purged> purge(Authentication auth) {
        return purge.purgeExpired(auth.getName());
    }
}
