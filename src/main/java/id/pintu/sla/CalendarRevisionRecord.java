package id.pintu.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar files the open tasks' due dates were last revised for, shared by the hubs of one database. */
@Repository
class CalendarRevisionRecord {

    private final JdbcClient jdbc;

    CalendarRevisionRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fingerprint of the files last revised for; empty before the first revision on this database. */
    Optional<String> fingerprint() {
        return jdbc.sql("SELECT fingerprint FROM calendar_revision WHERE id = 1").query(String.class).optional();
    }

    void store(String fingerprint, Instant at) {
        if (update(fingerprint, at) == 0) {
            try {
                jdbc.sql("INSERT INTO calendar_revision (id, fingerprint, revised_at) VALUES (1, ?, ?)")
                        .params(fingerprint, Timestamp.from(at)).update();
            } catch (DuplicateKeyException another) {
                // another hub stored it a moment before
                update(fingerprint, at);
            }
        }
    }

    private int update(String fingerprint, Instant at) {
        return jdbc.sql("UPDATE calendar_revision SET fingerprint = ?, revised_at = ? WHERE id = 1")
                .params(fingerprint, Timestamp.from(at)).update();
    }
}
