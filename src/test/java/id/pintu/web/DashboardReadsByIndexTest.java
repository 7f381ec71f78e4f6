package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the dashboard reads at each load grows with the work open and done lately, not with every case stored: the
 * SLA sample (the most recent completed steps) is read in the order of the index on completion time and stops at
 * its limit ("index sorted": no sort of every completed task); the cases by status are the open ones, by their
 * status index, and those closed this year, by the index on closing time (not the whole status index).
 */
@HubTest
class DashboardReadsByIndexTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSampleIsReadAlongTheCompletionIndex() {
        String plan = jdbc.sql("EXPLAIN " + DashboardQueries.SLA_SAMPLE_SQL)
                .params(Timestamp.from(Instant.now()), DashboardQueries.SLA_SAMPLE).query(String.class).single();

        assertThat(plan).containsIgnoringCase("task_completed").containsIgnoringCase("index sorted");
    }

    @Test
    void theCasesByStatusAreTheOpenOnesAndThoseClosedThisYearByTheirIndexes() {
        String plan = jdbc.sql("EXPLAIN " + DashboardQueries.CASES_BY_STATUS_SQL)
                .param(Timestamp.from(Instant.now())).query(String.class).single();

        assertThat(plan).containsIgnoringCase("application_status: status IN")
                .containsIgnoringCase("application_closed: closed_at >=");
    }
}
