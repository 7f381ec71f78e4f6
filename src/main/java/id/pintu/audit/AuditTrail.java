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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
            Object after, String eventId) {

        /** The longest actor the log holds: an email address's 254 characters. */
        static final int MAX_ACTOR = 254;
        /** The longest subject the log holds (a username, a document's or a message's id). */
        static final int MAX_SUBJECT = 64;

        /**
         * An actor and a subject as long as the log holds: a failed login records the username typed, of any length,
         * an applicant's download "applicant:" and the address, a leave record the username as subject; longer was
         * refused by the database (the login answered 500, its failure unrecorded). Cut here, the entry's hash covers
         * what is stored.
         */
        public Record {
            actor = cut(actor, MAX_ACTOR);
            subject = cut(subject, MAX_SUBJECT);
        }

        private static String cut(String value, int max) {
            return value != null && value.length() > max ? value.substring(0, max - 1) + "…" : value;
        }
    }

    /** Event ids looked up per query: well below the parameter limits of H2 and PostgreSQL. */
    private static final int LOOKUP_CHUNK = 500;

    /**
     * Rows fetched at a time when the whole chain is read (verify, export): PostgreSQL's driver otherwise reads the
     * whole result into memory before the first row, which a chain of millions of entries would not fit in.
     */
    private static final int STREAM_FETCH_SIZE = 500;

    private static final String COLUMNS =
            "seq, at, actor, action, application_id, subject, before_json, after_json, event_id, prev_hash, hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JdbcTemplate streaming;
    private final Clock clock;
    private final ObjectMapper json;

    public AuditTrail(JdbcClient jdbc, JdbcTemplate template, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        // Same data source, so it joins the read-only transaction; a cursor needs one (autocommit off) on PostgreSQL
        this.streaming = new JdbcTemplate(Objects.requireNonNull(template.getDataSource()));
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
        this.clock = clock;
        this.json = json;
    }

    /** Appends an entry; a record whose eventId is already in the log is skipped (at-least-once delivery). */
    @Transactional(propagation = Propagation.REQUIRED)
    public Optional<AuditEntry> append(Record r) {
        return appendAll(List.of(r)).stream().findFirst();
    }

    /**
     * Appends the records in the order given, in one transaction (the caller's, if any): the head is locked and moved
     * once for all of them, the event ids already in the log are looked up in one query and the rows are inserted in
     * one JDBC batch. Returns the entries written; records already in the log (by eventId, also a repeat within the
     * list) are skipped.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<AuditEntry> appendAll(List<Record> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Head head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        Set<String> recorded = recordedEventIds(records);
        List<AuditEntry> written = new ArrayList<>(records.size());
        long seq = head.seq();
        String previous = head.hash();
        for (Record r : records) {
            if (r.eventId() != null && !recorded.add(r.eventId())) {
                continue;
            }
            // Microseconds: what both H2 and PostgreSQL store, so the re-read entry hashes the same.
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AuditEntry e = new AuditEntry(++seq, at, r.actor(), r.action(), r.applicationId(), r.subject(),
                    toJson(r.before()), toJson(r.after()), r.eventId(), previous, null);
            e = e.withHash(e.computeHash());
            previous = e.hash();
            written.add(e);
        }
        if (written.isEmpty()) {
            return written;
        }
        template.batchUpdate("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                written, written.size(), (ps, e) -> {
                    ps.setLong(1, e.seq());
                    ps.setTimestamp(2, Timestamp.from(e.at()));
                    ps.setString(3, e.actor());
                    ps.setString(4, e.action());
                    ps.setString(5, e.applicationId());
                    ps.setString(6, e.subject());
                    ps.setString(7, e.before());
                    ps.setString(8, e.after());
                    ps.setString(9, e.eventId());
                    ps.setString(10, e.prevHash());
                    ps.setString(11, e.hash());
                });
        jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(seq, previous).update();
        return written;
    }

    /** The records' event ids that are in the log already (read under the head's lock, so none is added meanwhile). */
    private Set<String> recordedEventIds(List<Record> records) {
        List<String> ids = records.stream().map(Record::eventId).filter(Objects::nonNull).distinct().toList();
        Set<String> recorded = new HashSet<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            recorded.addAll(jdbc.sql("SELECT event_id FROM audit_log WHERE event_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK)))
                    .query(String.class)
                    .list());
        }
        return recorded;
    }

    /**
     * Verifies the chain in sequence order, streaming the rows, as it stood when the verification began: the head is
     * read first and the entries up to it are checked against it (an append commits its entries and the head
     * together, so all of them are there). Reading the head after the rows instead made a verification that ran
     * beside the hub's appends report a chain "ending before the head" that was whole. An entry past the head read
     * after it has no head covering it: it was added around the chain and is reported (by its number; the forged
     * entry's own content is not checked).
     */
    @Transactional(readOnly = true)
    public ChainVerifier.Result verify() {
        Head head = head();
        ChainVerifier verifier = new ChainVerifier();
        streaming.query("SELECT " + COLUMNS + " FROM audit_log WHERE seq <= ? ORDER BY seq", rs -> {
            verifier.accept(map(rs));
        }, head.seq());
        ChainVerifier.Result result = verifier.finish(head.seq(), head.hash());
        if (!result.ok()) {
            return result;
        }
        // The last entry, then the head: an append commits both together, so a head read after the entry covers it.
        List<Long> last = jdbc.sql("SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1").query(Long.class).list();
        Head now = head();
        return last.isEmpty() || last.get(0) <= now.seq() ? result : new ChainVerifier.Result(false,
                result.entries(), last.get(0), "entry " + last.get(0) + " lies past the head of the chain ("
                        + now.seq() + "): added without the chain");
    }

    private Head head() {
        return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
    }

    /** Streams the entries with {@code seq >= fromSeq} in order. */
    @Transactional(readOnly = true)
    public void export(long fromSeq, Consumer<AuditEntry> sink) {
        streaming.query("SELECT " + COLUMNS + " FROM audit_log WHERE seq >= ? ORDER BY seq",
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

    /** A case's entries of the given actions, in chain order (index {@code audit_log_application}). */
    public List<AuditEntry> ofApplication(String applicationId, Collection<String> actions) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE application_id = :id AND action IN (:actions)"
                        + " ORDER BY seq")
                .param("id", applicationId)
                .param("actions", List.copyOf(actions))
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
