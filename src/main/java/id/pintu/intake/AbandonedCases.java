package id.pintu.intake;

import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.CaseEvents;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.TaskRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes as ABANDONED a case whose applicant did not answer the clarification by its deadline (the clarification
 * task's due date: {@code pintu.workflow.clarification-limit} of working time). The closing event sends the letter
 * (mail rule on CASE_CLOSED ABANDONED). Conditional on the clarification still being open, so an answer that arrives
 * at the same moment wins or loses cleanly.
 */
@Component
public class AbandonedCases {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedCases.class);

    private final JdbcClient jdbc;
    private final ApplicationRepository applications;
    private final TaskRepository tasks;
    private final CaseEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IntakeProperties properties;

    public AbandonedCases(JdbcClient jdbc, ApplicationRepository applications, TaskRepository tasks,
            CaseEvents events, TransactionTemplate tx, Clock clock, IntakeProperties properties) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.tasks = tasks;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    public int closeOverdue() {
        Instant now = clock.instant();
        List<String> overdue = jdbc.sql("SELECT DISTINCT t.application_id FROM task t JOIN application a"
                        + " ON a.id = t.application_id WHERE t.status = 'OPEN' AND t.kind = 'CLARIFICATION'"
                        + " AND t.due_at < ? AND a.status = 'AWAITING_APPLICANT'")
                .param(Timestamp.from(now))
                .query(String.class)
                .list();
        int closed = 0;
        for (String id : overdue) {
            if (closeIfStillOverdue(id, now)) {
                closed++;
            }
        }
        return closed;
    }

    /** One case of the list: closed only if its clarification is still open past its deadline. */
    boolean closeIfStillOverdue(String applicationId, Instant now) {
        return Boolean.TRUE.equals(tx.execute(s -> abandon(applicationId, now, s)));
    }

    /**
     * Decided on the clarification task, which the applicant's answer completes: the answer does not change the case
     * row (it stays AWAITING_APPLICANT until the resumed step is entered), so a condition on the case alone closed a
     * case whose answer had just been accepted, and dropped the resumed step. Whichever of the two updates the task
     * row first wins; the other finds it no longer open.
     */
    private boolean abandon(String applicationId, Instant now, TransactionStatus s) {
        String note = "Berkas tidak dilengkapi pemohon sampai batas waktu; permohonan ditutup";
        if (tasks.cancelOverdueClarifications(applicationId, now, properties.intakeUser(), note) == 0) {
            return false;
        }
        int updated = jdbc.sql("UPDATE application SET status = 'ABANDONED', updated_at = ?, closed_at = ?"
                        + " WHERE id = ? AND status = 'AWAITING_APPLICANT'")
                .params(Timestamp.from(now), Timestamp.from(now), applicationId)
                .update();
        if (updated != 1) {
            s.setRollbackOnly();
            return false;
        }
        tasks.cancelOpen(applicationId, now, properties.intakeUser(), note);
        Application app = applications.find(applicationId).orElseThrow();
        events.record(CaseEvent.CASE_CLOSED, app, null, null, properties.intakeUser(), CaseStatus.ABANDONED, now);
        LOG.info("Case {} closed as abandoned", app.trackingCode());
        return true;
    }
}
