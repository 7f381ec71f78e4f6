package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.audit.AuditEntry;
import id.pintu.audit.AuditTrail;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A task's {@code STEP_ENTERED} event is published by the inbox consumer in the JMS transaction that takes the task
 * message off its actor's queue (no outbox row): event and acknowledgement commit together. A task message
 * delivered again (its first delivery died before that transaction committed) enters nothing new and publishes the
 * same event again, under the same id, which the listeners ignore: the audit trail holds it once.
 */
@HubTest
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

        await().atMost(Api.ROUTING_TIMEOUT).until(() -> broker.entered(id, 2).size() == 1
                && broker.ack(queue, id) != null);
        Seen ack = broker.ack(queue, id);
        Seen sent = broker.entered(id, 2).get(0);
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

        await().atMost(Api.ROUTING_TIMEOUT).until(() -> broker.entered(id, 2).size() == 2);
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

    record Seen(String address, String applicationId, Object step, String eventType, String sessionName, long txId) {}

    /** Records, for every send and acknowledgement, the session and transaction it happened in. */
    static class BrokerTransactions implements ActiveMQServerMessagePlugin {

        final List<Seen> sends = new CopyOnWriteArrayList<>();
        final List<Seen> acks = new CopyOnWriteArrayList<>();

        @Override
        public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                boolean noAutoCreateQueue) {
            sends.add(seen(message, session.getName(), tx));
        }

        @Override
        public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason,
                ServerConsumer consumer) {
            if (consumer != null && reason == AckReason.NORMAL) {
                acks.add(seen(ref.getMessage(), consumer.getSessionID(), tx));
            }
        }

        List<Seen> entered(String applicationId, int step) {
            return sends.stream()
                    .filter(s -> s.address().equals("pintu.events") && applicationId.equals(s.applicationId()))
                    .filter(s -> CaseEvent.STEP_ENTERED.equals(s.eventType()) && String.valueOf(step).equals(
                            String.valueOf(s.step())))
                    .toList();
        }

        Seen ack(String address, String applicationId) {
            return acks.stream().filter(a -> a.address().equals(address) && applicationId.equals(a.applicationId()))
                    .findFirst().orElse(null);
        }

        private static Seen seen(Message m, String session, Transaction tx) {
            Object app = m.getObjectProperty(WorkflowHeaders.APPLICATION_ID);
            Object type = m.getObjectProperty(CaseEventHeaders.EVENT_TYPE);
            return new Seen(String.valueOf(m.getAddress()), app == null ? null : app.toString(),
                    m.getObjectProperty(WorkflowHeaders.STEP), type == null ? null : type.toString(), session,
                    tx == null ? -1 : tx.getID());
        }
    }

    @TestConfiguration
    static class Plugin {

        @Bean
        BrokerTransactions brokerTransactions() {
            return new BrokerTransactions();
        }

        @Bean
        ArtemisConfigurationCustomizer registerBrokerTransactions(BrokerTransactions plugin) {
            return configuration -> configuration.registerBrokerPlugin(plugin);
        }
    }
}
