package id.pintu.mail;

import static id.pintu.common.Texts.cut;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Mails refused for good by the recipient's side (see {@link OutboxMailSender#failed}): kept with the mail, open until
 * staff resolve them.
 */
@Repository
public class UndeliverableMails {

    /** One refused mail; {@code resolvedAt} empty while open. */
    public record Undeliverable(String dedupKey, String applicationId, String recipient, String subject,
            String reason, Instant failedAt, Instant resolvedAt, String resolvedBy, String resolution) {

        public boolean open() {
            return resolvedAt == null;
        }
    }

    private static final String COLUMNS = "dedup_key, application_id, recipient, subject, reason, failed_at,"
            + " resolved_at, resolved_by, resolution";

    private final JdbcClient jdbc;

    public UndeliverableMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a refused mail, unless its key is recorded already (the refusal seen again after a crash). Runs inside
     * the outbox relay's delete transaction, so the check is part of the statement.
     */
    void record(OutgoingMail mail, String payload, String reason, Instant at) {
        jdbc.sql("INSERT INTO mail_undeliverable (dedup_key, application_id, recipient, subject, reason, failed_at,"
                        + " payload) SELECT CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(36)), CAST(? AS VARCHAR(254)),"
                        + " CAST(? AS VARCHAR(500)), CAST(? AS VARCHAR(1000)), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                        + " CAST(? AS VARCHAR(1000000))"
                        + " WHERE NOT EXISTS (SELECT 1 FROM mail_undeliverable WHERE dedup_key = ?)")
                .params(mail.dedupKey(), mail.applicationId(), cut(MailTemplates.oneLine(mail.to()), 254),
                        cut(MailTemplates.oneLine(mail.subject()), 500), cut(reason, 1000), Timestamp.from(at),
                        payload, mail.dedupKey())
                .update();
    }

    /** The open ones, oldest first. */
    public List<Undeliverable> open(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_undeliverable WHERE resolved_at IS NULL"
                        + " ORDER BY failed_at, dedup_key LIMIT ?")
                .param(limit).query(UndeliverableMails::row).list();
    }

    public long openCount() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_undeliverable WHERE resolved_at IS NULL").query(Long.class)
                .single();
    }

    /** Every refused mail of a case, newest first. */
    public List<Undeliverable> ofCase(String applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_undeliverable WHERE application_id = ?"
                        + " ORDER BY failed_at DESC, dedup_key")
                .param(applicationId).query(UndeliverableMails::row).list();
    }

    public Optional<Undeliverable> find(String dedupKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_undeliverable WHERE dedup_key = ?").param(dedupKey)
                .query(UndeliverableMails::row).optional();
    }

    /** The mail as it was owed (its outbox payload), to send it again. */
    Optional<String> payload(String dedupKey) {
        return jdbc.sql("SELECT payload FROM mail_undeliverable WHERE dedup_key = ?").param(dedupKey)
                .query(String.class).optional();
    }

    /** Marks it resolved; false if it was resolved already (by someone else, or twice). */
    boolean resolve(String dedupKey, String by, String resolution, Instant at) {
        return jdbc.sql("UPDATE mail_undeliverable SET resolved_at = ?, resolved_by = ?, resolution = ?"
                        + " WHERE dedup_key = ? AND resolved_at IS NULL")
                .params(Timestamp.from(at), cut(by, 64), cut(resolution, 500), dedupKey)
                .update() == 1;
    }

    private static Undeliverable row(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Undeliverable(rs.getString("dedup_key"), rs.getString("application_id"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("reason"), rs.getTimestamp("failed_at").toInstant(),
                resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"),
                rs.getString("resolution"));
    }
}
