package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.audit.AuditEntry;
import id.pintu.audit.AuditTrail;
import id.pintu.support.Api;
import id.pintu.support.BrokerTransactions;
import id.pintu.support.BrokerTransactions.Seen;
import id.pintu.support.HubTest;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A task's {@code STEP_ENTERED} event is published by the inbox consumer in the JMS transaction that takes the task
 * message off its actor's queue (no outbox row): event and acknowledgement commit together. A task message
 * delivered again (its first delivery died before that transaction committed) enters nothing new and publishes the
 * same event again, under the same id, which the listeners ignore: the audit trail holds it once.
 */
@HubTest
@Import(BrokerTransactions.Registration.class)
class StepEnteredCommitsWithItsTaskTest {

    @Autowired
    Api api;

    @Autowired
    BrokerTransactions broker;

    @Autowired
    TaskRepository tasks;

    @Autowired
    AuditTrail trail;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    WorkflowProperties properties;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ObjectMapper json;

    @Test
    void enteredEventIsSentInTheTransactionThatAcknowledgesTheTask() throws Exception {
        String id = api.submit(Api.application(951)).get("id").asText();
        JsonNode open = api.awaitTask(id, 2);
        Task task = tasks.find(open.get("taskId").asText()).orElseThrow();
        String queue = properties.queueOf(task.actor());

        await().atMost(Api.ROUTING_TIMEOUT).until(() -> enteredSends(id, 2).size() == 1
                && broker.ack(queue, id) != null);
        Seen ack = broker.ack(queue, id);
        Seen sent = enteredSends(id, 2).get(0);
        assertThat(sent.sessionName()).as("published on the session that took the task off %s", queue)
                .isEqualTo(ack.sessionName());
        assertThat(sent.txId()).as("event and acknowledgement in one transaction").isEqualTo(ack.txId())
                .isNotEqualTo(-1L);
        await().atMost(Api.ROUTING_TIMEOUT).until(() -> entered(id, 2).size() == 1);
        assertThat(entered(id, 2).get(0).eventId()).isEqualTo(TaskProjection.enteredEventId(task.id()));

        // The same task message again, as after a consumer that died before its JMS transaction committed.
        Application app = applications.find(id).orElseThrow();
        TaskMessage again = new TaskMessage(task.id(), id, app.sopCode(), app.sopVersion(), task.stepNo(),
                task.actor(), task.kind(), task.resumeStep(), task.enteredAt());
        producer.sendBody("jms:queue:" + queue + "?deliveryPersistent=true", json.writeValueAsString(again));

        await().atMost(Api.ROUTING_TIMEOUT).until(() -> enteredSends(id, 2).size() == 2);
        assertThat(tasks.history(id).stream().filter(t -> t.stepNo() == 2)).as("one task for step 2").hasSize(1);
        // The listeners (here the audit trail) see the republished event and keep it once.
        await().during(java.time.Duration.ofSeconds(2)).atMost(Api.ROUTING_TIMEOUT)
                .until(() -> entered(id, 2).size() == 1);
    }

    private List<AuditEntry> entered(String applicationId, int step) {
        return trail.ofApplication(applicationId).stream()
                .filter(e -> e.action().equals(CaseEvent.STEP_ENTERED))
                .filter(e -> e.after() != null && e.after().contains("\"step\":" + step + ","))
                .toList();
    }

    /** The case's STEP_ENTERED events of {@code step} sent to the events topic. */
    private List<Seen> enteredSends(String applicationId, int step) {
        return broker.sends.stream()
                .filter(s -> s.address().equals("pintu.events") && applicationId.equals(s.applicationId()))
                .filter(s -> CaseEvent.STEP_ENTERED.equals(s.eventType())
                        && String.valueOf(step).equals(String.valueOf(s.step())))
                .toList();
    }
}
