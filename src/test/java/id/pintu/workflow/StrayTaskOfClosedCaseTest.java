package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.common.TimeOrderedIds;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task entered from its actor's queue while its case was being closed (the entering read the case open, the close
 * cancelled the tasks it could see before that task was committed) is cancelled by the stray-task check: not left in
 * an inbox, reminded of and escalated on a case that is over. The test builds the state that race leaves: a withdrawn
 * case, and an open task of it committed after the withdrawal.
 */
@HubTest
class StrayTaskOfClosedCaseTest {

    @Autowired
    Api api;

    @Autowired
    WorkflowService workflow;

    @Autowired
    TaskRepository tasks;

    @Autowired
    StrayTasks strays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CamelContext camel;

    @Test
    void anOpenTaskOfACaseClosedAsItWasEnteredIsCancelled() {
        String id = api.submit(Api.application(31)).get("id").asText();
        JsonNode step2 = api.awaitTask(id, 2);
        Task open = tasks.find(step2.get("taskId").asText()).orElseThrow();
        assertThat(open.resumeStep()).as("a step's task, read back, resumes nothing (was 0)").isNull();
        workflow.withdraw(id, "Tidak jadi", Caller.staff("front-office", Set.of("front-office")));
        assertThat(tasks.find(open.id()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);

        // What the entering of step 3 commits after the close: an open task of the withdrawn case
        Instant now = Instant.now();
        Task late = new Task(TimeOrderedIds.next(now), id, 3, "Verifikasi berkas", "ksb-umum", TaskKind.STEP,
                TaskStatus.OPEN, null, now, now.plus(Duration.ofDays(1)), null, null, null, null, null, null);
        tasks.insert(late);
        assertThat(strays.cancel()).isEqualTo(1);
        Task cancelled = tasks.find(late.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.completedBy()).isEqualTo(StrayTasks.BY);
        assertThat(cancelled.note()).isEqualTo("Dibatalkan otomatis: permohonan sudah ditutup (WITHDRAWN) ketika"
                + " langkah ini masuk");
        assertThat(api.getCase(id).get("tasks")).as("no open task on the case").isEmpty();
        assertThat(strays.cancel()).as("once").isZero();
        assertThat(camel.getRoute("stray-task-check")).as("checked on a timer").isNotNull();
    }

    @Test
    void theCheckReadsTheRecentlyClosedCasesByTheirIndexNotEveryOpenTask() {
        String plan = jdbc.sql("EXPLAIN " + StrayTasks.STRAY_SQL).param(Timestamp.from(Instant.now()))
                .query(String.class).single();
        assertThat(plan).as(plan).containsIgnoringCase("application_closed")
                .containsIgnoringCase(": application_id IN(SELECT")
                .doesNotContainIgnoringCase("status = 'OPEN' */");
    }
}
