package id.pintu.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and reads the hash-chained audit log. Appends lock the one row of {@code audit_head} first, so entries
 * from every thread and every hub instance on the same database form one linear chain; an append joins the
 * caller's transaction when there is one, so a change and its record commit together.
 */
@Component
public class AuditTrail {

    /** What is recorded; the chain fields are filled in by {@link #append}. */
    public record Record(String actor, String action, String applicationId, String subject, Object before,
            Object after, String eventId) {}

    private static final String COLUMNS =
            "seq, at, actor, action, application_id, subject, before_json, after_json, event_id, prev_hash, hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final ObjectMapper json;

    public AuditTrail(JdbcClient jdbc, JdbcTemplate template, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.json = json;
    }

    /** Appends an entry; a record whose eventId is already in the log is skipped (at-least-once delivery). */
    @Transactional(propagation = Propagation.REQUIRED)
    public Optional<AuditEntry> append(Record r) {
        Head head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        if (r.eventId() != null && jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE event_id = ?")
                .param(r.eventId()).query(Long.class).single() > 0) {
            return Optional.empty();
        }
        // Microseconds: what both H2 and PostgreSQL store, so the re-read entry hashes the same.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry e = new AuditEntry(head.seq() + 1, at, r.actor(), r.action(), r.applicationId(), r.subject(),
                toJson(r.before()), toJson(r.after()), r.eventId(), head.hash(), null);
        e = e.withHash(e.computeHash());
        jdbc.sql("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.seq(), Timestamp.from(e.at()), e.actor(), e.action(), e.applicationId(), e.subject(),
                        e.before(), e.after(), e.eventId(), e.prevHash(), e.hash())
                .update();
        jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(e.seq(), e.hash()).update();
        return Optional.of(e);
    }

    /**
     * Appends the records in the order given, in one transaction (the caller's, if any): the head is locked once for
     * all of them. Returns the entries written; records already in the log (by eventId, also a repeat within the
     * list) are skipped.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<AuditEntry> appendAll(List<Record> records) {
        List<AuditEntry> written = new ArrayList<>(records.size());
        for (Record r : records) {
            append(r).ifPresent(written::add);
        }
        return written;
    }

    /** Verifies the whole chain in sequence order, streaming the rows. */
    @Transactional(readOnly = true)
    public ChainVerifier.Result verify() {
        ChainVerifier verifier = new ChainVerifier();
        template.query("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq", rs -> {
            verifier.accept(map(rs));
        });
        Head head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        return verifier.finish(head.seq(), head.hash());
    }

    /** Streams the entries with {@code seq >= fromSeq} in order. */
    @Transactional(readOnly = true)
    public void export(long fromSeq, Consumer<AuditEntry> sink) {
        template.query("SELECT " + COLUMNS + " FROM audit_log WHERE seq >= ? ORDER BY seq",
                rs -> {
                    sink.accept(map(rs));
                }, fromSeq);
    }

    public List<AuditEntry> ofApplication(String applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE application_id = ? ORDER BY seq")
                .param(applicationId)
                .query((rs, n) -> map(rs))
                .list();
    }

    static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("application_id"), rs.getString("subject"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("event_id"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Head(long seq, String hash) {}
}
