package id.pintu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.common.TimeOrderedIds;
import id.pintu.messaging.JmsBatchComponent;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.RouteDeadLetters;
import id.pintu.workflow.CaseEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/**
 * Case events that wait on the audit's subscription are appended in batches (one database and one JMS transaction
 * for many events), in the order they were published, and the chain still verifies; a repeat is skipped; an
 * unreadable event among good ones is dead-lettered on its own with its reason and subscription (so IT can re-drive
 * it) while the others are recorded.
 */
@HubTest
class AuditAppendsWaitingEventsTogetherTest {

    private static final String ROUTE = "audit-events";

    @Autowired
    CamelContext camel;

    @Autowired
    JmsTemplate jms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    @Autowired
    ObjectMapper json;

    @Autowired
    Api api;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void removeOwnDeadLetters() {
        RouteDeadLetters.drain(jms, ROUTE); // other tests of the same context count the dead letters they make
    }

    @Test
    void eventsThatWaitedAreAppendedInFewBatchesInTheirOrder() throws Throwable {
        String caseId = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        long batchesBefore = batches().count();
        double messagesBefore = batches().totalAmount();
        publishWhileTheAuditIsStopped(() -> {
            for (int i = 0; i < 60; i++) {
                String id = TimeOrderedIds.next(Instant.now()).toString();
                ids.add(id);
                publish(event(id, caseId, i));
            }
            publish(event(ids.get(7), caseId, 7)); // delivered twice
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> recorded(caseId).size() == 60);
        assertThat(recorded(caseId)).as("one entry per event, in publishing order").containsExactlyElementsOf(ids);
        assertThat(batches().totalAmount() - messagesBefore).isEqualTo(61);
        assertThat(batches().count() - batchesBefore).as("batches for 61 waiting messages (one each before)")
                .isBetween(1L, 6L);
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void anUnreadableEventIsDeadLetteredAloneAndTheOthersAreRecorded() throws Throwable {
        String caseId = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        publishWhileTheAuditIsStopped(() -> {
            for (int i = 0; i < 10; i++) {
                if (i == 4) {
                    publish("{\"eventId\": \"broken");
                }
                String id = TimeOrderedIds.next(Instant.now()).toString();
                ids.add(id);
                publish(event(id, caseId, i));
            }
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(recorded(caseId)).containsExactlyElementsOf(ids);
            assertThat(ownDeadLetters()).hasSize(1);
        });
        JsonNode letter = ownDeadLetters().get(0);
        assertThat(letter.get("originalQueue").asText()).isEqualTo("pintu.events::pintu-audit");
        assertThat(letter.get("reason").asText()).contains("JsonMappingException").contains("end-of-input");
        assertThat(letter.get("body").asText()).isEqualTo("{\"eventId\": \"broken");
        assertThat(trail.verify().ok()).isTrue();

        // Re-driven, it reaches the audit's subscription again (and, still unreadable, comes back once).
        assertThat(api.call(HttpMethod.POST, "/api/admin/dead-letters/" + letter.get("messageId").asText()
                + "/redrive", Map.of(), "admin").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> again = ownDeadLetters();
            assertThat(again).hasSize(1);
            assertThat(again.get(0).get("messageId").asText()).isNotEqualTo(letter.get("messageId").asText());
        });
        assertThat(recorded(caseId)).hasSize(10);
    }

    /** Publishes while no audit consumer reads, so that the events wait on the durable subscription together. */
    private void publishWhileTheAuditIsStopped(Executable publishing) throws Throwable {
        camel.getRouteController().stopRoute(ROUTE);
        try {
            publishing.execute();
        } finally {
            camel.getRouteController().startRoute(ROUTE);
        }
    }

    /** To the audit's subscription only (its fully qualified queue): the other features never see these events. */
    private void publish(String text) {
        JmsTemplate topic = new JmsTemplate(jms.getConnectionFactory());
        topic.setPubSubDomain(true);
        topic.send("pintu.events::pintu-audit", session -> session.createTextMessage(text));
    }

    private String event(String eventId, String caseId, int step) throws Exception {
        return json.writeValueAsString(new CaseEvent(eventId, CaseEvent.STEP_ENTERED, caseId, "TEST", "test", 1,
                UUID.randomUUID().toString(), step, "front-office", null, null, null, null, Instant.now(), null, null));
    }

    private List<String> recorded(String caseId) {
        return jdbc.sql("SELECT event_id FROM audit_log WHERE application_id = ? ORDER BY seq").param(caseId)
                .query(String.class).list();
    }

    private List<JsonNode> ownDeadLetters() {
        return RouteDeadLetters.listed(api, ROUTE);
    }

    private DistributionSummary batches() {
        return meters.get(JmsBatchComponent.BATCH_METRIC).tag("subscription", "pintu-audit").summary();
    }
}
