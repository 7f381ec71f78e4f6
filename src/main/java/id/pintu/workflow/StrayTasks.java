package id.pintu.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cancels an open task of a closed case. A case is closed (withdrawn by the applicant, abandoned, finished) in one
 * transaction with the cancelling of its open tasks; but a task its actor's queue delivers at that very moment is
 * entered by a transaction that read the case still open and commits after the close cancelled what it could see
 * (on PostgreSQL and H2 alike neither waits for the other: the entering writes the case's row only when its status
 * changes). Left alone, that task would
 * stay in an inbox, be reminded of and escalated, and never be done, on a case that is over. The route
 * {@code stray-task-check} calls {@link #cancel} every {@code pintu.workflow.stray-task-check-interval}; it reads
 * the cases closed in the last {@code pintu.workflow.stray-task-lookback} (an index range on their closing time, so
 * the transition path pays nothing) and their open tasks. Each cancel is conditional on the task still open, so two
 * hubs looking at once cancel it once.
 */
@Component("strayTasks")
public class StrayTasks {

    private static final Logger LOG = LoggerFactory.getLogger(StrayTasks.class);

    /** Who the cancel is recorded as done by. */
    public static final String BY = "system";

    /** The open tasks of the cases closed since a moment: the task's id, the case's tracking code and status. */
    static final String STRAY_SQL = "SELECT t.id, a.tracking_code, a.status, t.step_no FROM task t"
            + " JOIN application a ON a.id = t.application_id WHERE t.status = 'OPEN' AND t.application_id IN"
            + " (SELECT c.id FROM application c WHERE c.closed_at >= ?)";

    private record Stray(String taskId, String trackingCode, String caseStatus, int stepNo) {}

    private final JdbcClient jdbc;
    private final WorkflowProperties properties;
    private final Clock clock;

    public StrayTasks(JdbcClient jdbc, WorkflowProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Cancels the open tasks of the cases closed within the look-back; how many it cancelled. */
    public int cancel() {
        Instant now = clock.instant();
        List<Stray> strays = jdbc.sql(STRAY_SQL)
                .param(Timestamp.from(now.minus(properties.strayTaskLookback())))
                .query((rs, n) -> new Stray(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
        int cancelled = 0;
        for (Stray s : strays) {
            int updated = jdbc.sql("UPDATE task SET status = 'CANCELLED', completed_at = ?, completed_by = ?, note = ?"
                            + " WHERE id = ? AND status = 'OPEN'")
                    .params(Timestamp.from(now), BY, "Dibatalkan otomatis: permohonan sudah ditutup ("
                            + s.caseStatus() + ") ketika langkah ini masuk", s.taskId())
                    .update();
            if (updated == 1) {
                cancelled++;
                LOG.warn("Case {} is {} but step {} was entered as it closed: task {} cancelled", s.trackingCode(),
                        s.caseStatus(), s.stepNo(), s.taskId());
            }
        }
        return cancelled;
    }
}
