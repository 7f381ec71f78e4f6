package id.pintu.oss;

import static id.pintu.common.Texts.cut;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bridge's tables: calls by idempotency key, what OSS knows each case by, failures, inbound messages. */
@Repository
public class OssRepository {

    /** CANCELLED: not sent, the case was withdrawn or abandoned before OSS took the call. */
    public enum CallStatus { PENDING, DONE, REFUSED, FAILED, CANCELLED }

    public record Call(String key, String applicationId, int step, String integration, String method,
            CallStatus status, int attempts, String ossReference, String answer, String lastError, Instant createdAt,
            Instant updatedAt, Instant doneAt) {}

    public record OssCase(String applicationId, String nib, String idIzin, Instant effectiveAt, Instant updatedAt) {}

    public enum FailureStatus { OPEN, RETRIED, RESOLVED }

    public record Failure(String id, String key, String applicationId, int step, String method, String error,
            int attempts, Instant lastAttemptAt, String request, FailureStatus status, Instant createdAt,
            Instant retriedAt, String retriedBy, Instant resolvedAt) {}

    public record Inbound(String id, String method, String applicationId, String documentId, Instant receivedAt,
            String payload) {}

    public record Review(String id, String method, String reason, int httpStatus, Instant receivedAt, String payload) {}

    private static final String CALL = "idem_key, application_id, step_no, integration, method, status, attempts,"
            + " oss_reference, answer, last_error, created_at, updated_at, done_at";
    private static final String FAILURE = "id, idem_key, application_id, step_no, method, error, attempts,"
            + " last_attempt_at, request, status, created_at, retried_at, retried_by, resolved_at";

    private final JdbcClient jdbc;

    public OssRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------------------------------------------ calls

    /** Creates the call's row unless it exists (a request routed twice shares one row). */
    public void createCall(OssRequest r, Instant now) {
        try {
            jdbc.sql("INSERT INTO oss_call (idem_key, application_id, step_no, integration, method, status, attempts,"
                            + " created_at, updated_at) SELECT ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?"
                            + " WHERE NOT EXISTS (SELECT 1 FROM oss_call WHERE idem_key = ?)")
                    .params(r.key(), r.applicationId(), r.step(), r.integration(), r.method(), ts(now), ts(now), r.key())
                    .update();
        } catch (DuplicateKeyException e) {
            // Created concurrently by a second routing of the same hand-over: the row is there, which is all we need.
        }
    }

    public Optional<Call> findCall(String key) {
        return jdbc.sql("SELECT " + CALL + " FROM oss_call WHERE idem_key = ?").param(key).query(this::call).optional();
    }

    public List<Call> callsOf(String applicationId) {
        return jdbc.sql("SELECT " + CALL + " FROM oss_call WHERE application_id = ? ORDER BY created_at, step_no")
                .param(applicationId).query(this::call).list();
    }

    /**
     * Claims a PENDING call for one attempt, as {@code token}, until {@code until}: the number of attempts before this
     * one, or empty while another delivery holds an unexpired claim, or once the call is answered, refused, failed or
     * cancelled (a staff retry makes it PENDING again).
     */
    public OptionalInt claim(String key, String token, Instant now, Instant until) {
        int claimed = jdbc.sql("UPDATE oss_call SET attempts = attempts + 1, updated_at = ?, claimed_until = ?,"
                        + " claim_token = ? WHERE idem_key = ? AND status = 'PENDING'"
                        + " AND (claimed_until IS NULL OR claimed_until <= ?)")
                .params(ts(now), ts(until), token, key, ts(now)).update();
        if (claimed == 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(jdbc.sql("SELECT attempts FROM oss_call WHERE idem_key = ?").param(key)
                .query(Integer.class).single() - 1);
    }

    /**
     * Takes a PENDING call over from a claim that has not ended (its holder crashed, or is slow): the number of
     * attempts before this one, or empty once the call is no longer PENDING.
     */
    public OptionalInt takeOver(String key, String token, Instant now, Instant until) {
        int taken = jdbc.sql("UPDATE oss_call SET attempts = attempts + 1, updated_at = ?, claimed_until = ?,"
                        + " claim_token = ? WHERE idem_key = ? AND status = 'PENDING'")
                .params(ts(now), ts(until), token, key).update();
        if (taken == 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(jdbc.sql("SELECT attempts FROM oss_call WHERE idem_key = ?").param(key)
                .query(Integer.class).single() - 1);
    }

    /** Keeps this delivery's claim until {@code until} (before each request to OSS); false if it lost the claim. */
    public boolean renew(String key, String token, Instant until) {
        return jdbc.sql("UPDATE oss_call SET claimed_until = ? WHERE idem_key = ? AND claim_token = ?")
                .params(ts(until), key, token).update() == 1;
    }

    /** This delivery's attempt is over (answered, refused or failed): another delivery may call. */
    public void release(String key, String token) {
        jdbc.sql("UPDATE oss_call SET claimed_until = NULL, claim_token = NULL WHERE idem_key = ? AND claim_token = ?")
                .params(key, token).update();
    }

    /** The call's row, locked for the rest of the transaction (one failure record per refusal). */
    public void lockCall(String key) {
        jdbc.sql("SELECT idem_key FROM oss_call WHERE idem_key = ? FOR UPDATE").param(key).query(String.class)
                .optional();
    }

    public void callFailed(String key, CallStatus status, String error, Instant now) {
        jdbc.sql("UPDATE oss_call SET status = ?, last_error = ?, updated_at = ? WHERE idem_key = ? AND status <> 'DONE'")
                .params(status.name(), cut(error, 2000), ts(now), key).update();
    }

    public void callPending(String key, Instant now) {
        jdbc.sql("UPDATE oss_call SET status = 'PENDING', updated_at = ? WHERE idem_key = ? AND status <> 'DONE'")
                .params(ts(now), key).update();
    }

    public void callDone(String key, String reference, String answer, Instant now) {
        jdbc.sql("UPDATE oss_call SET status = 'DONE', oss_reference = ?, answer = ?, last_error = NULL,"
                        + " updated_at = ?, done_at = ? WHERE idem_key = ? AND status <> 'DONE'")
                .params(reference, cut(answer, 8000), ts(now), ts(now), key).update();
    }

    // ------------------------------------------------------------------------------------------------------ cases

    public Optional<OssCase> findCase(String applicationId) {
        return jdbc.sql("SELECT application_id, nib, id_izin, effective_at, updated_at FROM oss_case"
                        + " WHERE application_id = ?").param(applicationId).query(this::ossCase).optional();
    }

    public List<String> casesWithIdIzin(String idIzin) {
        return jdbc.sql("SELECT application_id FROM oss_case WHERE id_izin = ?").param(idIzin).query(String.class).list();
    }

    /** Records what OSS knows the case by; a null argument keeps the stored value. */
    public void saveCase(String applicationId, String nib, String idIzin, Instant effectiveAt, Instant now) {
        int updated = jdbc.sql("UPDATE oss_case SET nib = COALESCE(?, nib), id_izin = COALESCE(?, id_izin),"
                        + " effective_at = COALESCE(?, effective_at), updated_at = ? WHERE application_id = ?")
                .params(nib, idIzin, ts(effectiveAt), ts(now), applicationId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO oss_case (application_id, nib, id_izin, effective_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(applicationId, nib, idIzin, ts(effectiveAt), ts(now)).update();
        }
    }

    // --------------------------------------------------------------------------------------------------- failures

    public void insertFailure(Failure f) {
        jdbc.sql("INSERT INTO oss_failure (" + FAILURE + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.id(), f.key(), f.applicationId(), f.step(), f.method(), cut(f.error(), 2000), f.attempts(),
                        ts(f.lastAttemptAt()), f.request(), f.status().name(), ts(f.createdAt()), ts(f.retriedAt()),
                        f.retriedBy(), ts(f.resolvedAt()))
                .update();
    }

    /** Whether staff already have an open failure of this call (a second delivery's refusal adds none). */
    public boolean hasOpenFailure(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM oss_failure WHERE idem_key = ? AND status = 'OPEN'").param(key)
                .query(Long.class).single() > 0;
    }

    public Optional<Failure> findFailure(String id) {
        return jdbc.sql("SELECT " + FAILURE + " FROM oss_failure WHERE id = ?").param(id).query(this::failure).optional();
    }

    /**
     * Failures of one status, newest first. Open ones of a case withdrawn or abandoned meanwhile are not staff's work
     * any more (a retry would cancel the call, OssBridge): left out, as if resolved.
     */
    public List<Failure> failures(FailureStatus status, int limit) {
        String closed = status != FailureStatus.OPEN ? "" : " AND NOT EXISTS (SELECT 1 FROM application a"
                + " WHERE a.id = oss_failure.application_id AND a.status IN ('WITHDRAWN', 'ABANDONED'))";
        return jdbc.sql("SELECT " + FAILURE + " FROM oss_failure WHERE status = ?" + closed
                        + " ORDER BY created_at DESC LIMIT ?")
                .params(status.name(), limit).query(this::failure).list();
    }

    public List<Failure> failuresOf(String applicationId) {
        return jdbc.sql("SELECT " + FAILURE + " FROM oss_failure WHERE application_id = ? ORDER BY created_at")
                .param(applicationId).query(this::failure).list();
    }

    /** Marks an open failure as retried; false when someone else retried it first. */
    public boolean markRetried(String id, String by, Instant now) {
        return jdbc.sql("UPDATE oss_failure SET status = 'RETRIED', retried_at = ?, retried_by = ? WHERE id = ?"
                        + " AND status = 'OPEN'").params(ts(now), by, id).update() == 1;
    }

    /** The call finally succeeded: its failures are resolved. */
    public void resolveFailures(String key, Instant now) {
        jdbc.sql("UPDATE oss_failure SET status = 'RESOLVED', resolved_at = ? WHERE idem_key = ? AND status <> 'RESOLVED'")
                .params(ts(now), key).update();
    }

    // ---------------------------------------------------------------------------------------------------- inbound

    public void insertInbound(Inbound i) {
        jdbc.sql("INSERT INTO oss_inbound (id, method, application_id, document_id, received_at, payload)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(i.id(), i.method(), i.applicationId(), i.documentId(), ts(i.receivedAt()), i.payload()).update();
    }

    public List<Inbound> inboundOf(String applicationId) {
        return jdbc.sql("SELECT id, method, application_id, document_id, received_at, payload FROM oss_inbound"
                        + " WHERE application_id = ? ORDER BY received_at")
                .param(applicationId)
                .query((rs, n) -> new Inbound(rs.getString("id"), rs.getString("method"), rs.getString("application_id"),
                        rs.getString("document_id"), instant(rs, "received_at"), rs.getString("payload")))
                .list();
    }

    public void insertReview(Review r) {
        jdbc.sql("INSERT INTO oss_inbound_review (id, method, reason, http_status, received_at, payload)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.method(), cut(r.reason(), 1000), r.httpStatus(), ts(r.receivedAt()), r.payload())
                .update();
    }

    public List<Review> reviews(int limit) {
        return jdbc.sql("SELECT id, method, reason, http_status, received_at, payload FROM oss_inbound_review"
                        + " ORDER BY received_at DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Review(rs.getString("id"), rs.getString("method"), rs.getString("reason"),
                        rs.getInt("http_status"), instant(rs, "received_at"), rs.getString("payload")))
                .list();
    }

    // ---------------------------------------------------------------------------------------------------- mapping

    private Call call(ResultSet rs, int n) throws SQLException {
        return new Call(rs.getString("idem_key"), rs.getString("application_id"), rs.getInt("step_no"),
                rs.getString("integration"), rs.getString("method"), CallStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("oss_reference"), rs.getString("answer"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "done_at"));
    }

    private OssCase ossCase(ResultSet rs, int n) throws SQLException {
        return new OssCase(rs.getString("application_id"), rs.getString("nib"), rs.getString("id_izin"),
                instant(rs, "effective_at"), instant(rs, "updated_at"));
    }

    private Failure failure(ResultSet rs, int n) throws SQLException {
        return new Failure(rs.getString("id"), rs.getString("idem_key"), rs.getString("application_id"),
                rs.getInt("step_no"), rs.getString("method"), rs.getString("error"), rs.getInt("attempts"),
                instant(rs, "last_attempt_at"), rs.getString("request"), FailureStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "retried_at"), rs.getString("retried_by"),
                instant(rs, "resolved_at"));
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
