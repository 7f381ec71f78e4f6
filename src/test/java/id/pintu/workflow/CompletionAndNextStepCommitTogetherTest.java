package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.audit.AuditTrail;
import id.pintu.common.TimeOrderedIds;
import id.pintu.support.Api;
import id.pintu.support.BrokerTransactions;
import id.pintu.support.BrokerTransactions.Seen;
import id.pintu.support.HubTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A completion is one outbox row: routing it sends the next task's message and publishes the step's
 * {@code STEP_COMPLETED} event in one JMS transaction (likewise a case's first task and its {@code SUBMITTED}). When
 * routing the transition fails (here the rejection's hand-over to OSS waits for the letter's number, which the
 * documents feature, stopped, has not given), the event goes out alone at once, and the retries route the
 * transition only: the event is published once. Rows an older hub wrote (kind {@code STEP_COMPLETED}) are routed as
 * before.
 */
@HubTest
@Import(BrokerTransactions.Registration.class)
class CompletionAndNextStepCommitTogetherTest {

    @Autowired
    Api api;

    @Autowired
    BrokerTransactions broker;

    @Autowired
    WorkflowProperties properties;

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    @Autowired
    TaskRepository tasks;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    ObjectMapper json;

    @Test
    void nextTaskAndCaseEventAreSentInOneTransaction() {
        String id = api.submit(Api.application(961)).get("id").asText();
        JsonNode step2 = api.awaitTask(id, 2);
        String queue = properties.queueOf(step2.get("actor").asText());
        assertThat(api.complete(step2.get("taskId").asText(), step2.get("actor").asText(), "complete").status())
                .isEqualTo(200);
        api.awaitTask(id, 3);

        await().atMost(Api.ROUTING_TIMEOUT).until(() -> events(id, CaseEvent.STEP_COMPLETED, 2).size() == 1);
        Seen firstTask = only(taskSends(id, queue, 1));
        Seen submitted = only(events(id, CaseEvent.SUBMITTED, null));
        assertThat(submitted.txId()).as("SUBMITTED in the transaction that sends the first task")
                .isEqualTo(firstTask.txId()).isNotEqualTo(-1L);
        assertThat(submitted.sessionName()).isEqualTo(firstTask.sessionName());

        Seen nextTask = only(taskSends(id, queue, 2));
        Seen completed = only(events(id, CaseEvent.STEP_COMPLETED, 2));
        assertThat(completed.txId()).as("STEP_COMPLETED of step 2 in the transaction that sends step 3's task")
                .isEqualTo(nextTask.txId()).isNotEqualTo(-1L).isNotEqualTo(firstTask.txId());
        assertThat(completed.sessionName()).isEqualTo(nextTask.sessionName());
    }

    @Test
    void eventOfAFailedTransitionGoesOutOnceAndTheRetriesRouteTheTransitionOnly() throws Exception {
        String id = api.submit(Api.application(962)).get("id").asText();
        api.completeRejectBranchThrough(id, 12);
        JsonNode step13 = api.awaitTask(id, 13);
        camel.getRouteController().stopRoute("documents-case-events");
        try {
            assertThat(api.complete(step13.get("taskId").asText(), step13.get("actor").asText(), null).status())
                    .isEqualTo(200);
            JsonNode step14 = api.awaitTask(id, 14);
            assertThat(api.complete(step14.get("taskId").asText(), step14.get("actor").asText(), null).status())
                    .isEqualTo(200);

            // The hand-over waits for the letter's number; the event is out all the same, alone.
            await().atMost(Api.ROUTING_TIMEOUT).until(() -> events(id, CaseEvent.STEP_COMPLETED, 14).size() == 1);
            Seen alone = events(id, CaseEvent.STEP_COMPLETED, 14).get(0);
            assertThat(broker.sends.stream().filter(s -> id.equals(s.applicationId())
                    && s.sessionName().equals(alone.sessionName()) && s.txId() == alone.txId()))
                    .as("sent alone, not with a task of the case").containsExactly(alone);
            // The poll's try after pintu.workflow.relay.output-wait (1 min), brought forward: it fails the same way.
            await().atMost(Api.ROUTING_TIMEOUT).until(() -> waiting(id));
            int tries = transitionAttempts(id);
            jdbc.sql("UPDATE outbox SET available_at = ? WHERE application_id = ? AND kind = ?")
                    .params(Timestamp.from(Instant.now().minusSeconds(1)), id, OutboxRelay.TRANSITION).update();
            await().atMost(Api.ROUTING_TIMEOUT).until(() -> transitionAttempts(id) > tries && waiting(id));
            assertThat(transitionPayloads(id)).singleElement().asString()
                    .contains("\"stepNo\":14").doesNotContain("\"event\"");
            assertThat(api.openTask(id)).as("step 15 not entered yet").isEmpty();
            assertThat(events(id, CaseEvent.STEP_COMPLETED, 14)).as("not again with the retries").hasSize(1);
        } finally {
            camel.getRouteController().startRoute("documents-case-events");
        }

        api.awaitTask(id, 15);
        assertThat(events(id, CaseEvent.STEP_COMPLETED, 14)).as("published once in all").hasSize(1);
        await().atMost(Api.ROUTING_TIMEOUT).until(() -> trail.ofApplication(id).stream()
                .filter(e -> e.action().equals(CaseEvent.STEP_COMPLETED))
                .filter(e -> e.after() != null && e.after().contains("\"step\":14,")).count() == 1);
    }

    @Test
    void rowOfAnOlderHubIsRoutedAsBefore() throws Exception {
        String id = api.submit(Api.application(963)).get("id").asText();
        JsonNode step2 = api.awaitTask(id, 2);
        Task task = tasks.find(step2.get("taskId").asText()).orElseThrow();
        Application app = applications.find(id).orElseThrow();
        // What a hub built before the TRANSITION rows committed for a completion: the transition without its event
        // (which had a CASE_EVENT row of its own), under the kind STEP_COMPLETED.
        Instant now = Instant.now();
        assertThat(tasks.complete(task.id(), "front-office", "complete", null, now)).isTrue();
        String rowId = TimeOrderedIds.next(now);
        outbox.insert(rowId, OutboxRelay.STEP_COMPLETED, id, json.writeValueAsString(new Transition(rowId, id,
                app.sopCode(), app.sopVersion(), task.id(), 2, TaskKind.STEP, "complete", null, null, null)), now, now);

        api.awaitTask(id, 3);
        await().atMost(Api.ROUTING_TIMEOUT).until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox WHERE id = ?")
                .param(rowId).query(Integer.class).single() == 0);
    }

    /** The case's events of {@code type} (and {@code step}; null: none) sent to the events topic. */
    private List<Seen> events(String applicationId, String type, Integer step) {
        return broker.sends.stream()
                .filter(s -> s.address().equals(properties.eventsTopic()) && applicationId.equals(s.applicationId()))
                .filter(s -> type.equals(s.eventType()) && Objects.equals(str(step), str(s.step())))
                .toList();
    }

    /** The case's task messages sent to {@code queue} after completing {@code completedStep} (null: the start). */
    private List<Seen> taskSends(String applicationId, String queue, Integer completedStep) {
        return broker.sends.stream()
                .filter(s -> s.address().equals(queue) && applicationId.equals(s.applicationId()))
                .filter(s -> Objects.equals(str(completedStep), str(s.step())))
                .toList();
    }

    private static Seen only(List<Seen> seen) {
        assertThat(seen).hasSize(1);
        return seen.get(0);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private int transitionAttempts(String applicationId) {
        return jdbc.sql("SELECT COALESCE(MAX(attempts), 0) FROM outbox WHERE application_id = ? AND kind = ?")
                .params(applicationId, OutboxRelay.TRANSITION).query(Integer.class).single();
    }

    /** Whether the case's transition row waits after a failed try (not leased by a try under way). */
    private boolean waiting(String applicationId) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE application_id = ? AND kind = ? AND last_error IS NOT NULL")
                .params(applicationId, OutboxRelay.TRANSITION).query(Integer.class).single() == 1;
    }

    private List<String> transitionPayloads(String applicationId) {
        return jdbc.sql("SELECT payload FROM outbox WHERE application_id = ? AND kind = ?")
                .params(applicationId, OutboxRelay.TRANSITION).query(String.class).list();
    }
}
