package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's SLA sample (the most recent completed steps) is read in the order of the index on completion time
 * and stops at its limit ("index sorted": no sort); before, every dashboard load sorted every completed task the hub ever made.
 */
@HubTest
class SlaSampleReadByIndexTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSampleIsReadAlongTheCompletionIndex() {
        String plan = jdbc.sql("EXPLAIN " + DashboardQueries.SLA_SAMPLE_SQL)
                .params(Timestamp.from(Instant.now()), DashboardQueries.SLA_SAMPLE).query(String.class).single();

        assertThat(plan).containsIgnoringCase("task_completed").containsIgnoringCase("index sorted");
    }
}
