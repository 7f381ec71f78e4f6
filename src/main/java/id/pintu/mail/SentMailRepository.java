package id.pintu.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
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

    public void record(String dedupKey, String messageId, String applicationId, String recipient, String subject,
            Instant at) {
        try {
            jdbc.sql("INSERT INTO mail_sent (dedup_key, message_id, application_id, recipient, subject, sent_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(dedupKey, messageId, applicationId, recipient,
                            subject.length() > 500 ? subject.substring(0, 500) : subject, Timestamp.from(at))
                    .update();
        } catch (DuplicateKeyException e) {
            // Sent again after a crash between sending and recording: the first record stands.
        }
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
