package id.pintu.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SLA's side of the task table (its escalation level, supervisors' release and reassignment) and the record of
 * escalations. Every change is a conditional update, so two scanners or two supervisors cannot both win.
 */
@Repository
public class EscalationRepository {

    /** An open task the scan looks at. */
    public record Candidate(String taskId, String applicationId, int stepNo, String stepName, String actor,
            String claimedBy, Instant enteredAt, Instant dueAt, int level) {}

    /** A task with its escalation level, for the supervisor actions. */
    public record TaskState(String taskId, String applicationId, int stepNo, String actor, String status,
            String claimedBy, int level) {}

    private final JdbcClient jdbc;

    public EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Open staff tasks due before {@code horizon} that have not reached the last level, earliest due first. One
     * query per level below the last, each an equality on {@code (status, escalation_level)} and a range on
     * {@code due_at} of the index {@code task_escalation_scan (status, escalation_level, due_at)}, read in index order
     * and stopped at the limit: the cost follows the tasks near their due date, not the open tasks stored (a single
     * {@code escalation_level < 2} range would walk every open task's index entry to filter on {@code due_at}).
     */
    public List<Candidate> candidates(Instant horizon, Collection<String> applicantActors, int limit) {
        List<Candidate> all = new ArrayList<>();
        for (int level = 0; level < Escalation.BREACH; level++) {
            all.addAll(jdbc.sql("SELECT id, application_id, step_no, step_name, actor, claimed_by, entered_at, due_at,"
                            + " escalation_level FROM task WHERE status = 'OPEN' AND escalation_level = :level"
                            + " AND due_at <= :horizon AND actor NOT IN (:applicants) ORDER BY due_at, id LIMIT :limit")
                    .param("level", level)
                    .param("horizon", Timestamp.from(horizon))
                    .param("applicants", applicantActors.isEmpty() ? List.of("") : List.copyOf(applicantActors))
                    .param("limit", limit)
                    .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getInt(9)))
                    .list());
        }
        all.sort(Comparator.comparing(Candidate::dueAt).thenComparing(Candidate::taskId));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /** Moves an open task from {@code level - 1} to {@code level}; false if another scanner already did. */
    public boolean raise(String taskId, int level) {
        return jdbc.sql("UPDATE task SET escalation_level = ? WHERE id = ? AND status = 'OPEN' AND escalation_level = ?")
                .params(level, taskId, level - 1)
                .update() == 1;
    }

    public void record(Escalation e) {
        jdbc.sql("INSERT INTO escalation (task_id, level, application_id, step_no, actor, notified_actor, queue,"
                        + " due_at, escalated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.taskId(), e.level(), e.applicationId(), e.stepNo(), e.actor(), e.notifiedActor(), e.queue(),
                        Timestamp.from(e.dueAt()), Timestamp.from(e.escalatedAt()))
                .update();
    }

    public java.util.Optional<TaskState> task(String taskId) {
        return jdbc.sql("SELECT id, application_id, step_no, actor, status, claimed_by, escalation_level FROM task"
                        + " WHERE id = ?")
                .param(taskId)
                .query((rs, n) -> new TaskState(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .optional();
    }

    /** Escalation levels of the given tasks (absent ids are not in the map). */
    public Map<String, Integer> levels(Collection<String> taskIds) {
        Map<String, Integer> levels = new HashMap<>();
        if (taskIds.isEmpty()) {
            return levels;
        }
        jdbc.sql("SELECT id, escalation_level FROM task WHERE id IN (:ids)")
                .param("ids", List.copyOf(taskIds))
                .query(rs -> {
                    levels.put(rs.getString(1), rs.getInt(2));
                });
        return levels;
    }

    /** Supervisor's release: the task goes back to its actor's inbox, unclaimed. */
    public boolean release(String taskId) {
        return jdbc.sql("UPDATE task SET claimed_by = NULL, claimed_at = NULL WHERE id = ? AND status = 'OPEN'")
                .param(taskId)
                .update() == 1;
    }

    /** Who holds open tasks of which actor: each (holder, actor) pair once. */
    public record Holding(String claimedBy, String actor) {}

    public List<Holding> holdings() {
        return jdbc.sql("SELECT DISTINCT claimed_by, actor FROM task WHERE status = 'OPEN' AND claimed_by IS NOT NULL")
                .query((rs, n) -> new Holding(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The open tasks of {@code actor} that {@code user} holds. */
    public List<TaskState> heldBy(String user, String actor) {
        return jdbc.sql("SELECT id, application_id, step_no, actor, status, claimed_by, escalation_level FROM task"
                        + " WHERE status = 'OPEN' AND claimed_by = ? AND actor = ? ORDER BY due_at, id")
                .params(user, actor)
                .query((rs, n) -> new TaskState(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
    }

    /** Puts an open task back in its actor's inbox if {@code holder} still holds it; false if not. */
    public boolean releaseFrom(String taskId, String holder) {
        return jdbc.sql("UPDATE task SET claimed_by = NULL, claimed_at = NULL WHERE id = ? AND status = 'OPEN'"
                        + " AND claimed_by = ?")
                .params(taskId, holder)
                .update() == 1;
    }

    /** Supervisor's reassignment: the task is claimed for {@code user}, whoever held it before. */
    public boolean reassign(String taskId, String user, Instant now) {
        return jdbc.sql("UPDATE task SET claimed_by = ?, claimed_at = ? WHERE id = ? AND status = 'OPEN'")
                .params(user, Timestamp.from(now), taskId)
                .update() == 1;
    }

    /** An escalation as supervisors see it, with the task's present state. */
    public record Listed(String taskId, int level, String applicationId, String trackingCode, int stepNo,
            String stepName, String actor, String notifiedActor, String queue, Instant dueAt, Instant escalatedAt,
            String taskStatus, String claimedBy) {}

    public List<Listed> addressedTo(Collection<String> notifiedActors, boolean openOnly, int limit) {
        return jdbc.sql("SELECT e.task_id, e.level, e.application_id, a.tracking_code, e.step_no, t.step_name, e.actor,"
                        + " e.notified_actor, e.queue, e.due_at, e.escalated_at, t.status, t.claimed_by"
                        + " FROM escalation e JOIN task t ON t.id = e.task_id JOIN application a ON a.id = e.application_id"
                        + " WHERE e.notified_actor IN (:actors)" + (openOnly ? " AND t.status = 'OPEN'" : "")
                        + " ORDER BY e.escalated_at DESC, e.task_id, e.level LIMIT :limit")
                .param("actors", List.copyOf(notifiedActors))
                .param("limit", limit)
                .query((rs, n) -> new Listed(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        instant(rs, 10), instant(rs, 11), rs.getString(12), rs.getString(13)))
                .list();
    }

    /** An escalation of one of a case's tasks, for the case's history. */
    public record OfCase(String taskId, int level, String notifiedActor, Instant escalatedAt) {}

    /** The escalations of a case's tasks, oldest first (index {@code escalation_application}). */
    public List<OfCase> ofCase(String applicationId) {
        return jdbc.sql("SELECT task_id, level, notified_actor, escalated_at FROM escalation WHERE application_id = ?"
                        + " ORDER BY escalated_at, level")
                .param(applicationId)
                .query((rs, n) -> new OfCase(rs.getString(1), rs.getInt(2), rs.getString(3), instant(rs, 4)))
                .list();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
