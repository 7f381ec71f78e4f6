package id.pintu.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the content of documents whose retention has run out: only documents of closed cases, only kinds with
 * a configured period, counted from the case's closing. Each purge commits together with its audit entry, so no
 * content disappears without a record (and a record never claims a purge that was rolled back).
 */
@Component("retentionPurge")
public class RetentionPurge {

    /** One purged document. */
    public record Purged(String documentId, String applicationId, String kind, String name, String sha256) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final RetentionProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    public RetentionPurge(JdbcClient jdbc, AuditTrail audit, RetentionProperties properties, Clock clock,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.tx = tx;
    }

    /** Purges every expired document now; {@code by} is recorded as the actor. */
    public List<Purged> purgeExpired(String by) {
        Instant now = clock.instant();
        List<Purged> done = new ArrayList<>();
        for (Map.Entry<String, Period> kind : properties.kinds().entrySet()) {
            Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(kind.getValue()).toInstant();
            List<Purged> expired = jdbc.sql("SELECT d.id, d.application_id, d.kind, d.name, d.sha256 FROM document d"
                            + " JOIN application a ON a.id = d.application_id"
                            + " WHERE d.kind = ? AND d.purged_at IS NULL AND a.closed_at IS NOT NULL AND a.closed_at < ?"
                            + " ORDER BY a.closed_at, d.id")
                    .params(kind.getKey(), Timestamp.from(cutoff))
                    .query((rs, n) -> new Purged(rs.getString("id"), rs.getString("application_id"),
                            rs.getString("kind"), rs.getString("name"), rs.getString("sha256")))
                    .list();
            for (Purged p : expired) {
                Boolean purged = tx.execute(status -> purge(p, kind.getValue(), by, now));
                if (Boolean.TRUE.equals(purged)) {
                    done.add(p);
                }
            }
        }
        return done;
    }

    private boolean purge(Purged p, Period retention, String by, Instant now) {
        // The purged_at condition makes two instances purging at once delete and record each document once.
        int rows = jdbc.sql("UPDATE document SET content = NULL, purged_at = ? WHERE id = ? AND purged_at IS NULL")
                .params(Timestamp.from(now), p.documentId())
                .update();
        if (rows == 0) {
            return false;
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("kind", p.kind());
        before.put("name", p.name());
        before.put("sha256", p.sha256());
        audit.append(new AuditTrail.Record(by, AuditActions.DOCUMENT_PURGED, p.applicationId(), p.documentId(),
                before, Map.of("content", "deleted", "retention", retention.toString()), null));
        return true;
    }
}
