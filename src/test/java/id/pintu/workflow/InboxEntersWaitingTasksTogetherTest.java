package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.messaging.JmsBatchComponent;
import id.pintu.support.Api;
import id.pintu.support.BrokerTransactions;
import id.pintu.support.BrokerTransactions.Seen;
import id.pintu.support.HubTest;
import id.pintu.support.RouteDeadLetters;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jms.core.JmsTemplate;

/**
 * The tasks waiting on an actor's queue enter the inbox together: one database transaction for the batch, and their
 * {@code STEP_ENTERED} events published in the JMS transaction that acknowledges their messages. An unreadable
 * message among good ones is dead-lettered alone; the good ones enter and their events go out once each. The
 * events' producer stays open for the batch session's next sends.
 */
@HubTest
@Import(BrokerTransactions.Registration.class)
class InboxEntersWaitingTasksTogetherTest {

    private static final String ACTOR = "front-office";
    private static final String ROUTE = "inbox-" + ACTOR;

    @Autowired
    Api api;

    @Autowired
    BrokerTransactions broker;

    @Autowired
    WorkflowProperties properties;

    @Autowired
    CamelContext camel;

    @Autowired
    JmsTemplate jms;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void removeOwnDeadLetters() {
        RouteDeadLetters.drain(jms, ROUTE);
    }

    @Test
    void waitingTasksEnterInOneBatchWithTheirEventsInItsTransaction() throws Exception {
        String queue = properties.queueOf(ACTOR);
        long batchesBefore = batches().count();
        List<String> ids = submitWhileTheInboxIsStopped(5, 971, null);

        for (String id : ids) {
            assertThat(api.awaitTask(id, 2).get("actor").asText()).isEqualTo(ACTOR);
        }
        await().atMost(Api.ROUTING_TIMEOUT).until(() -> ids.stream().allMatch(id -> entered(id).size() == 1));
        assertThat(batches().count() - batchesBefore).as("batches for 5 waiting tasks (5 before)").isBetween(1L, 2L);

        // Each event is in the transaction that acknowledged its task message, and one transaction held several.
        List<Long> transactions = new ArrayList<>();
        for (String id : ids) {
            Seen ack = broker.ack(queue, id);
            Seen event = entered(id).get(0);
            assertThat(event.sessionName()).isEqualTo(ack.sessionName());
            assertThat(event.txId()).as("STEP_ENTERED of case %s with its task's acknowledgement", id)
                    .isEqualTo(ack.txId()).isNotEqualTo(-1L);
            transactions.add(ack.txId());
        }
        assertThat(Set.copyOf(transactions)).as("five tasks in at most two transactions").hasSizeLessThan(3);

        // Sent by a producer the batch's session keeps (JmsTemplate closes the producer it was given after each send).
        ServerSession session = broker.server().getSessionByID(entered(ids.get(0)).get(0).sessionName());
        assertThat(session.getServerProducers()).extracting(p -> String.valueOf(p.getAddress()))
                .containsOnlyOnce(properties.eventsTopic());
    }

    @Test
    void anUnreadableTaskIsDeadLetteredAloneAndTheOthersEnterOnce() throws Exception {
        List<String> ids = submitWhileTheInboxIsStopped(3, 981,
                () -> jms.convertAndSend(properties.queueOf(ACTOR), "{\"taskId\": \"broken"));

        for (String id : ids) {
            api.awaitTask(id, 2);
        }
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(RouteDeadLetters.listed(api, ROUTE))
                .singleElement().satisfies(letter -> {
                    assertThat(letter.get("originalQueue").asText()).isEqualTo(properties.queueOf(ACTOR));
                    assertThat(letter.get("reason").asText()).contains("JsonMappingException");
                    assertThat(letter.get("body").asText()).isEqualTo("{\"taskId\": \"broken");
                }));
        for (String id : ids) {
            assertThat(entered(id)).as("STEP_ENTERED of case %s, once", id).hasSize(1);
        }
    }

    /** Submits cases while no consumer reads the actor's queue, so that their first tasks wait on it together. */
    private List<String> submitWhileTheInboxIsStopped(int cases, int firstApplicant, Runnable before)
            throws Exception {
        String queue = properties.queueOf(ACTOR);
        List<String> ids = new ArrayList<>();
        camel.getRouteController().stopRoute(ROUTE);
        try {
            if (before != null) {
                before.run();
            }
            for (int i = 0; i < cases; i++) {
                JsonNode created = api.submit(Api.application(firstApplicant + i));
                ids.add(created.get("id").asText());
            }
            await().atMost(Api.ROUTING_TIMEOUT).until(() -> broker.sends.stream()
                    .filter(s -> s.address().equals(queue)).map(Seen::applicationId)
                    .collect(Collectors.toSet()).containsAll(ids));
            assertThat(ids).allSatisfy(id -> assertThat(api.openTask(id)).isEmpty());
        } finally {
            camel.getRouteController().startRoute(ROUTE);
        }
        return ids;
    }

    private List<Seen> entered(String applicationId) {
        return broker.sends.stream()
                .filter(s -> s.address().equals(properties.eventsTopic()) && applicationId.equals(s.applicationId()))
                .filter(s -> CaseEvent.STEP_ENTERED.equals(s.eventType()))
                .toList();
    }

    private DistributionSummary batches() {
        return meters.get(JmsBatchComponent.BATCH_METRIC).tag("subscription", properties.queueOf(ACTOR)).summary();
    }
}
