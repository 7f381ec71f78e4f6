package id.pintu.intake;

import static id.pintu.common.Texts.cut;

import id.pintu.common.TimeOrderedIds;
import id.pintu.workflow.CaseStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The intake's own tables: emails taken from the mailbox (idempotency) and the review queue. */
@Repository
public class IntakeRecords {

    /** An item of the review queue; {@code handledBy}, {@code handledAt}, {@code handledNote} once staff took care of it. */
    public record Review(String id, String source, String messageKey, String sender, String subject, String reason,
            Instant receivedAt, long sizeBytes, String handledBy, Instant handledAt, String handledNote) {

        public boolean open() {
            return handledAt == null;
        }
    }

    /** The statuses of an open case, as SQL literals (from the enum, never from input). */
    private static final String OPEN_STATUSES = CaseStatus.OPEN.stream().map(st -> "'" + st.name() + "'")
            .sorted().collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    public IntakeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims a message key; a duplicate key throws DuplicateKeyException (the email was handled before). */
    public void claim(String messageKey, String sender, Instant at) {
        jdbc.sql("INSERT INTO mail_inbound (message_key, sender, outcome, received_at) VALUES (?, ?, 'RECEIVED', ?)")
                .params(messageKey, cut(sender, 254), Timestamp.from(at))
                .update();
    }

    public boolean seen(String messageKey) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_inbound WHERE message_key = ?").param(messageKey)
                .query(Integer.class).single() > 0;
    }

    public void outcome(String messageKey, String outcome, String applicationId) {
        jdbc.sql("UPDATE mail_inbound SET outcome = ?, application_id = ? WHERE message_key = ?")
                .params(outcome, applicationId, messageKey)
                .update();
    }

    /** An earlier application email with the same content, whose case is still open. */
    public record Resent(String applicationId, String trackingCode, Instant receivedAt) {}

    /** An accepted application email: its case, and what it said (see {@link #resentOf}). */
    public void accepted(String messageKey, String applicationId, String contentKey) {
        jdbc.sql("UPDATE mail_inbound SET outcome = 'ACCEPTED', application_id = ?, content_key = ?"
                        + " WHERE message_key = ?")
                .params(applicationId, contentKey, messageKey)
                .update();
    }

    /** The latest application email received since {@code since} with {@code contentKey}, if its case is open. */
    public java.util.Optional<Resent> resentOf(String contentKey, Instant since) {
        return jdbc.sql("SELECT m.application_id, a.tracking_code, m.received_at FROM mail_inbound m"
                        + " JOIN application a ON a.id = m.application_id"
                        + " WHERE m.content_key = ? AND m.received_at >= ? AND a.status IN (" + OPEN_STATUSES + ")"
                        + " ORDER BY m.received_at DESC LIMIT 1")
                .params(contentKey, Timestamp.from(since))
                .query((rs, n) -> new Resent(rs.getString("application_id"), rs.getString("tracking_code"),
                        rs.getTimestamp("received_at").toInstant()))
                .optional();
    }

    public String review(String source, String messageKey, String sender, String subject, String reason, byte[] raw,
            Instant at) {
        String id = TimeOrderedIds.next(at);
        jdbc.sql("INSERT INTO intake_review (id, source, message_key, sender, subject, reason, received_at, raw)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, source, messageKey, cut(sender, 254), cut(subject, 500), cut(reason, 4000),
                        Timestamp.from(at), raw)
                .update();
        return id;
    }

    /** The newest items of the review queue, handled or not. */
    public List<Review> reviews(int limit) {
        return reviews(limit, false);
    }

    /** The newest items of the review queue; with {@code openOnly} those no one has taken care of yet. */
    public List<Review> reviews(int limit, boolean openOnly) {
        return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM intake_review"
                        + (openOnly ? " WHERE handled_at IS NULL" : "") + " ORDER BY received_at DESC LIMIT ?")
                .param(limit)
                .query(IntakeRecords::review)
                .list();
    }

    public java.util.Optional<Review> findReview(String id) {
        return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM intake_review WHERE id = ?").param(id)
                .query(IntakeRecords::review).optional();
    }

    /** How many items of the review queue no one has taken care of yet. */
    public long openReviews() {
        return jdbc.sql("SELECT COUNT(*) FROM intake_review WHERE handled_at IS NULL").query(Long.class).single();
    }

    /** Records that {@code by} took care of an item; false if it was already handled (by someone else, or twice). */
    public boolean handled(String id, String by, String note, Instant at) {
        return jdbc.sql("UPDATE intake_review SET handled_by = ?, handled_at = ?, handled_note = ?"
                        + " WHERE id = ? AND handled_at IS NULL")
                .params(cut(by, 100), Timestamp.from(at), cut(note, 2000), id)
                .update() == 1;
    }

    private static final String REVIEW_COLUMNS = "id, source, message_key, sender, subject, reason, received_at,"
            + " LENGTH(raw) AS size_bytes, handled_by, handled_at, handled_note";

    private static Review review(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp handledAt = rs.getTimestamp("handled_at");
        return new Review(rs.getString("id"), rs.getString("source"), rs.getString("message_key"),
                rs.getString("sender"), rs.getString("subject"), rs.getString("reason"),
                rs.getTimestamp("received_at").toInstant(), rs.getLong("size_bytes"), rs.getString("handled_by"),
                handledAt == null ? null : handledAt.toInstant(), rs.getString("handled_note"));
    }

    public java.util.Optional<byte[]> raw(String id) {
        return jdbc.sql("SELECT raw FROM intake_review WHERE id = ?").param(id).query(byte[].class).optional();
    }
}
