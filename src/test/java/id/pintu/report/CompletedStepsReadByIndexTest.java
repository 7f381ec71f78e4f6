package id.pintu.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The weekly report's count of completed steps and the SOP evaluation read one range of the index on completion
 * time, not every task the hub ever made (5.4 s for a week's count in 2 million task rows on H2 without it); the
 * week's closed cases one range of the index on closing time.
 */
@HubTest
class CompletedStepsReadByIndexTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWeeksStepsAndClosedCasesAndTheEvaluationsPeriodAreIndexRanges() {
        Timestamp from = Timestamp.from(Instant.now().minus(7, ChronoUnit.DAYS));
        Timestamp to = Timestamp.from(Instant.now());

        String weekly = jdbc.sql("EXPLAIN " + WeeklyReport.STEPS_COMPLETED_SQL).params(from, to, "pemohon")
                .query(String.class).single();
        String evaluation = jdbc.sql("EXPLAIN " + SopEvaluationService.DONE_SQL)
                .params("izin-perluasan-usaha-industri", from, to).query(String.class).single();

        String closed = jdbc.sql("EXPLAIN " + WeeklyReport.CLOSED_SQL).params(from, to).query(String.class).single();

        assertThat(weekly).containsIgnoringCase("task_completed").doesNotContainIgnoringCase("tableScan");
        assertThat(closed).containsIgnoringCase("application_closed");
        assertThat(evaluation).containsIgnoringCase("task_completed");
    }
}
