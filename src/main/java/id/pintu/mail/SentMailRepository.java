package id.pintu.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mails the hub sent, one row per occasion: the "sent once" record and the key to match replies. */
@Repository
public class SentMailRepository {

    private final JdbcClient jdbc;

    public SentMailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean wasSent(String dedupKey) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_sent WHERE dedup_key = ?").param(dedupKey).query(Integer.class)
                .single() > 0;
    }

    /**
     * Records a mail as sent, unless its key is recorded already (sent again after a crash between sending and
     * recording: the first record stands). Runs inside the outbox relay's delete transaction, so the check is part of
     * the statement: a refused duplicate would abort a PostgreSQL transaction.
     */
    public void record(String dedupKey, String messageId, String applicationId, String recipient, String subject,
            Instant at) {
        jdbc.sql("INSERT INTO mail_sent (dedup_key, message_id, application_id, recipient, subject, sent_at)"
                        // Typed, so that PostgreSQL knows each parameter's type in a SELECT list (a null too).
                        + " SELECT CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(36)),"
                        + " CAST(? AS VARCHAR(254)), CAST(? AS VARCHAR(500)), CAST(? AS TIMESTAMP WITH TIME ZONE)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM mail_sent WHERE dedup_key = ?)")
                .params(dedupKey, messageId, applicationId, recipient,
                        subject.length() > 500 ? subject.substring(0, 500) : subject, Timestamp.from(at), dedupKey)
                .update();
    }

    /** Whether the hub sent any of these Message-IDs (a mail of a case or not: the answer to an unreadable email). */
    public boolean anySent(Collection<String> messageIds) {
        for (String id : messageIds) {
            if (jdbc.sql("SELECT COUNT(*) FROM mail_sent WHERE message_id = ?").param(id).query(Integer.class)
                    .single() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The case of the first of these Message-IDs that the hub sent, if any. */
    public Optional<String> caseOfMessage(Collection<String> messageIds) {
        for (String id : messageIds) {
            Optional<String> app = jdbc.sql("SELECT application_id FROM mail_sent WHERE message_id = ?"
                            + " AND application_id IS NOT NULL")
                    .param(id)
                    .query(String.class)
                    .optional();
            if (app.isPresent()) {
                return app;
            }
        }
        return Optional.empty();
    }
}
