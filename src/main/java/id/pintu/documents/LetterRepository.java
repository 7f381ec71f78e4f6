package id.pintu.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Letters in the making and the effects already applied. Every write is keyed (task + role, case + kind, task +
 * kind), so a case event delivered twice changes nothing the second time.
 */
@Repository
public class LetterRepository {

    public record Letter(String applicationId, String kind, String status, String signedBy, Instant signedAt,
            String frozenContent, String number, String sealedDocument) {

        public boolean sealed() {
            return SEALED.equals(status);
        }
    }

    /**
     * An initial (paraf); {@code fullName} and {@code position} as the users file named the initialler when it was
     * recorded, null in rows recorded before they were kept.
     */
    public record Initial(String taskId, int stepNo, String username, Instant at, String fullName, String position) {}

    public static final String DRAFT = "DRAFT";
    public static final String SIGNED = "SIGNED";
    public static final String SEALED = "SEALED";

    private final JdbcClient jdbc;

    public LetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean effectDone(String taskId, String role) {
        return jdbc.sql("SELECT COUNT(*) FROM document_effect WHERE task_id = ? AND effect_role = ?")
                .params(taskId, role).query(Integer.class).single() > 0;
    }

    /** Inserted in the effect's transaction: a racing duplicate fails on the primary key and rolls back. */
    public void effectApplied(String taskId, String role, String applicationId, String kind, String documentId,
            Instant at) {
        jdbc.sql("INSERT INTO document_effect (task_id, effect_role, application_id, kind, document_id, done_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(taskId, role, applicationId, kind, documentId, Timestamp.from(at))
                .update();
    }

    /** The kinds of the case's letters already signed or sealed: their content is frozen. */
    public List<String> frozenKinds(String applicationId) {
        return jdbc.sql("SELECT kind FROM letter WHERE application_id = ? AND status IN (?, ?) ORDER BY kind")
                .params(applicationId, SIGNED, SEALED).query(String.class).list();
    }

    public Optional<Letter> find(String applicationId, String kind) {
        return jdbc.sql("SELECT application_id, kind, status, signed_by, signed_at, frozen_content, letter_number,"
                        + " sealed_document FROM letter WHERE application_id = ? AND kind = ?")
                .params(applicationId, kind)
                .query(this::map)
                .optional();
    }

    /** The letter's row, locked for the rest of the transaction (one change to a letter at a time). */
    public Letter lockOrCreate(String applicationId, String kind, Instant now) {
        if (find(applicationId, kind).isEmpty()) {
            try {
                jdbc.sql("INSERT INTO letter (application_id, kind, status, updated_at) VALUES (?, ?, ?, ?)")
                        .params(applicationId, kind, DRAFT, Timestamp.from(now))
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // created by a concurrent effect: lock it below
            }
        }
        jdbc.sql("UPDATE letter SET updated_at = ? WHERE application_id = ? AND kind = ?")
                .params(Timestamp.from(now), applicationId, kind)
                .update();
        return find(applicationId, kind).orElseThrow();
    }

    public void signed(String applicationId, String kind, String by, Instant at, String frozenContent) {
        jdbc.sql("UPDATE letter SET status = ?, signed_by = ?, signed_at = ?, frozen_content = ?"
                        + " WHERE application_id = ? AND kind = ? AND status = ?")
                .params(SIGNED, by, Timestamp.from(at), frozenContent, applicationId, kind, DRAFT)
                .update();
    }

    public void sealed(String applicationId, String kind, String number, String documentId) {
        jdbc.sql("UPDATE letter SET status = ?, letter_number = ?, sealed_document = ? WHERE application_id = ?"
                        + " AND kind = ?")
                .params(SEALED, number, documentId, applicationId, kind)
                .update();
    }

    /** Records an initial once per task, with the initialler's name and post as they are now (either may be null). */
    public void initial(String applicationId, String kind, Initial initial) {
        int known = jdbc.sql("SELECT COUNT(*) FROM letter_initial WHERE task_id = ? AND kind = ?")
                .params(initial.taskId(), kind).query(Integer.class).single();
        if (known == 0) {
            jdbc.sql("INSERT INTO letter_initial (application_id, kind, task_id, step_no, username, initialled_at,"
                            + " initialler_name, initialler_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(applicationId, kind, initial.taskId(), initial.stepNo(), initial.username(),
                            Timestamp.from(initial.at()), initial.fullName(), initial.position())
                    .update();
        }
    }

    public List<Initial> initials(String applicationId, String kind) {
        return jdbc.sql("SELECT task_id, step_no, username, initialled_at, initialler_name, initialler_position"
                        + " FROM letter_initial WHERE application_id = ? AND kind = ? ORDER BY initialled_at, step_no")
                .params(applicationId, kind)
                .query((rs, n) -> new Initial(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
                .list();
    }

    private Letter map(ResultSet rs, int n) throws SQLException {
        Timestamp signedAt = rs.getTimestamp("signed_at");
        return new Letter(rs.getString("application_id"), rs.getString("kind"), rs.getString("status"),
                rs.getString("signed_by"), signedAt == null ? null : signedAt.toInstant(),
                rs.getString("frozen_content"), rs.getString("letter_number"), rs.getString("sealed_document"));
    }
}
