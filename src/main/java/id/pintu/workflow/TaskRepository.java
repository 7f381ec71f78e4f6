package id.pintu.workflow;

import static id.pintu.workflow.ApplicationRepository.instant;
import static id.pintu.workflow.ApplicationRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tasks: the inboxes (open rows) and the histories (all rows of a case). Every state change is a conditional
 * update, so two clerks, two hub instances or a retried request can never complete or claim a task twice.
 */
@Repository
public class TaskRepository {

    private static final String COLUMNS = "id, application_id, step_no, step_name, actor, kind, status, resume_step,"
            + " entered_at, due_at, claimed_by, claimed_at, completed_at, completed_by, outcome, note";

    private final JdbcClient jdbc;

    public TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Task t) {
        jdbc.sql("INSERT INTO task (" + COLUMNS + ") VALUES (:id, :app, :step, :name, :actor, :kind, :status, :resume,"
                        + " :entered, :due, :claimedBy, :claimedAt, :completedAt, :completedBy, :outcome, :note)")
                .param("id", t.id())
                .param("app", t.applicationId())
                .param("step", t.stepNo())
                .param("name", t.stepName())
                .param("actor", t.actor())
                .param("kind", t.kind().name())
                .param("status", t.status().name())
                .param("resume", t.resumeStep())
                .param("entered", ts(t.enteredAt()))
                .param("due", ts(t.dueAt()))
                .param("claimedBy", t.claimedBy())
                .param("claimedAt", ts(t.claimedAt()))
                .param("completedAt", ts(t.completedAt()))
                .param("completedBy", t.completedBy())
                .param("outcome", t.outcome())
                .param("note", t.note())
                .update();
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }

    public Optional<Task> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<Task> history(String applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE application_id = ? ORDER BY entered_at, step_no")
                .param(applicationId)
                .query(this::map)
                .list();
    }

    /** How many times a case's step was completed (its own step, not a clarification beside it). */
    public int completedCount(String applicationId, int stepNo) {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE application_id = ? AND step_no = ? AND kind = 'STEP'"
                        + " AND status = 'COMPLETED'")
                .params(applicationId, stepNo).query(Integer.class).single();
    }

    public List<Task> openTasks(String applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE application_id = ? AND status = 'OPEN'"
                        + " ORDER BY entered_at")
                .param(applicationId)
                .query(this::map)
                .list();
    }

    /** The open tasks of an actor, of one SOP only when {@code sopCode} is given. */
    public List<Task> inbox(String actor, String sopCode, int limit) {
        if (sopCode == null) {
            return inbox(actor, limit);
        }
        return jdbc.sql("SELECT " + COLUMNS.replaceAll("(^|, )", "$1t.") + " FROM task t JOIN application a"
                        + " ON a.id = t.application_id WHERE t.actor = ? AND t.status = 'OPEN' AND a.sop_code = ?"
                        + " ORDER BY t.entered_at, t.id LIMIT ?")
                .params(actor, sopCode, limit)
                .query(this::map)
                .list();
    }

    public List<Task> inbox(String actor, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE actor = ? AND status = 'OPEN'"
                        + " ORDER BY entered_at, id LIMIT ?")
                .params(actor, limit)
                .query(this::map)
                .list();
    }

    /** The oldest unclaimed open task of an actor, if any. */
    public Optional<String> oldestUnclaimed(String actor) {
        return jdbc.sql("SELECT id FROM task WHERE actor = ? AND status = 'OPEN' AND claimed_by IS NULL"
                        + " ORDER BY entered_at, id LIMIT 1")
                .param(actor)
                .query(String.class)
                .optional();
    }

    public boolean claim(String id, String user, Instant now) {
        return jdbc.sql("UPDATE task SET claimed_by = ?, claimed_at = ? WHERE id = ? AND status = 'OPEN'"
                        + " AND claimed_by IS NULL")
                .params(user, ts(now), id)
                .update() == 1;
    }

    /** Completes an open task that is unclaimed or claimed by {@code user}; false if someone got there first. */
    public boolean complete(String id, String user, String outcome, String note, Instant now) {
        return jdbc.sql("UPDATE task SET status = 'COMPLETED', completed_at = :now, completed_by = :user,"
                        + " outcome = :outcome, note = :note, claimed_by = COALESCE(claimed_by, :user),"
                        + " claimed_at = COALESCE(claimed_at, :now)"
                        + " WHERE id = :id AND status = 'OPEN' AND (claimed_by IS NULL OR claimed_by = :user)")
                .param("now", ts(now))
                .param("user", user)
                .param("outcome", outcome)
                .param("note", note)
                .param("id", id)
                .update() == 1;
    }

    /**
     * Completes an open task as the applicant ({@code user}), whoever holds it: a clerk of the front office may hold
     * the applicant's step for them, and may take or release it at the very moment the answer arrives; the answer
     * is not lost to that. A hold stays on record; an unheld task is recorded as taken by the applicant.
     */
    public boolean completeAsApplicant(String id, String user, String outcome, String note, Instant now) {
        return jdbc.sql("UPDATE task SET status = 'COMPLETED', completed_at = :now, completed_by = :user,"
                        + " outcome = :outcome, note = :note, claimed_by = COALESCE(claimed_by, :user),"
                        + " claimed_at = COALESCE(claimed_at, :now) WHERE id = :id AND status = 'OPEN'")
                .param("now", ts(now))
                .param("user", user)
                .param("outcome", outcome)
                .param("note", note)
                .param("id", id)
                .update() == 1;
    }

    public int cancelOpen(String applicationId, Instant now, String by, String note) {
        return jdbc.sql("UPDATE task SET status = 'CANCELLED', completed_at = ?, completed_by = ?, note = ?"
                        + " WHERE application_id = ? AND status = 'OPEN'")
                .params(ts(now), by, note, applicationId)
                .update();
    }

    /**
     * Cancels the case's clarification tasks still open past {@code now}'s deadline; the count tells whether the
     * applicant's step was still unanswered (the row is what an answer completes, so the two cannot both win).
     */
    public int cancelOverdueClarifications(String applicationId, Instant now, String by, String note) {
        return jdbc.sql("UPDATE task SET status = 'CANCELLED', completed_at = ?, completed_by = ?, note = ?"
                        + " WHERE application_id = ? AND kind = 'CLARIFICATION' AND status = 'OPEN' AND due_at < ?")
                .params(ts(now), by, note, applicationId, ts(now))
                .update();
    }

    /** An open task's due date and what it was computed from, for revising it when the calendar changes. */
    public record OpenDue(String id, String sopCode, int sopVersion, int stepNo, TaskKind kind, Instant enteredAt,
            Instant dueAt) {}

    /** Up to {@code limit} open tasks after {@code afterId} in id order (null: from the first). */
    public List<OpenDue> openDues(String afterId, int limit) {
        return jdbc.sql("SELECT t.id, a.sop_code, a.sop_version, t.step_no, t.kind, t.entered_at, t.due_at"
                        + " FROM task t JOIN application a ON a.id = t.application_id"
                        + " WHERE t.status = 'OPEN' AND t.id > ? ORDER BY t.id LIMIT ?")
                .params(afterId == null ? "" : afterId, limit)
                .query((rs, row) -> new OpenDue(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        TaskKind.valueOf(rs.getString(5)), instant(rs, "entered_at"), instant(rs, "due_at")))
                .list();
    }

    /**
     * Moves an open task's due date from {@code from} to {@code to}; false if the task is no longer open or its due
     * date is no longer {@code from} (another hub revised it, or it was completed meanwhile).
     */
    public boolean redate(String id, Instant from, Instant to) {
        return jdbc.sql("UPDATE task SET due_at = ? WHERE id = ? AND status = 'OPEN' AND due_at = ?")
                .params(ts(to), id, ts(from))
                .update() == 1;
    }

    private Task map(ResultSet rs, int row) throws SQLException {
        int step = rs.getInt("resume_step");
        Integer resume = rs.wasNull() ? null : step;
        return new Task(
                rs.getString("id"),
                rs.getString("application_id"),
                rs.getInt("step_no"),
                rs.getString("step_name"),
                rs.getString("actor"),
                TaskKind.valueOf(rs.getString("kind")),
                TaskStatus.valueOf(rs.getString("status")),
                resume,
                instant(rs, "entered_at"),
                instant(rs, "due_at"),
                rs.getString("claimed_by"),
                instant(rs, "claimed_at"),
                instant(rs, "completed_at"),
                rs.getString("completed_by"),
                rs.getString("outcome"),
                rs.getString("note"));
    }
}
