package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.RouteDeadLetters;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.TaskKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/**
 * The documents of the case events that waited together are made in one batch (one database transaction); an
 * event whose document cannot be made fails that batch after the others' documents were made, so they are rolled
 * back, and the consumer takes the batch again message by message: every case still gets its receipt, sealed and
 * registered once, and only the failing event is dead-lettered, with the documents' route as its source.
 */
@HubTest
class DocumentsOfABatchCommitTogetherTest {

    private static final String ROUTE = "documents-case-events";

    @Autowired
    CamelContext camel;

    @Autowired
    JmsTemplate jms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void removeOwnDeadLetters() {
        RouteDeadLetters.drain(jms, ROUTE); // other tests of the same context count the dead letters they make
    }

    @Test
    void waitingEventsMakeTheirDocumentsInOneBatchAndAFailingOneIsDeadLetteredAlone() throws Exception {
        List<String> cases = new ArrayList<>();
        camel.getRouteController().stopRoute(ROUTE);
        try {
            for (int i = 0; i < 3; i++) {
                cases.add(api.submit(Api.application(70 + i)).get("id").asText());
            }
            // Step 3 entered makes the receipt: its event and every earlier one wait on the documents' subscription.
            for (String id : cases) {
                JsonNode task = api.awaitTask(id, 2);
                assertThat(api.complete(task.get("taskId").asText(), "front-office", "complete").status())
                        .isEqualTo(200);
            }
            for (String id : cases) {
                api.awaitTask(id, 3);
            }
            // Last in the batch, an event whose receipt cannot be made (its task does not exist): the three receipts
            // are made, sealed and registered before it fails the batch's transaction, and rolled back with it.
            String unmakeable = json.writeValueAsString(new CaseEvent(UUID.randomUUID().toString(),
                    CaseEvent.STEP_ENTERED, UUID.randomUUID().toString(), "PTU-26-NOTASK", "izin-perluasan-usaha-industri",
                    1, UUID.randomUUID().toString(), 3, "front-office", TaskKind.STEP, null, null, CaseStatus.IN_PROGRESS,
                    Instant.now(), null, null));
            JmsTemplate topic = new JmsTemplate(jms.getConnectionFactory());
            topic.setPubSubDomain(true);
            topic.send("pintu.events::pintu-documents", s -> {
                var m = s.createTextMessage(unmakeable);
                m.setStringProperty("PintuEventType", CaseEvent.STEP_ENTERED); // the subscription's selector
                return m;
            });
        } finally {
            camel.getRouteController().startRoute(ROUTE);
        }

        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> {
            for (String id : cases) {
                assertThat(kinds(id)).as("case %s", id).containsOnlyOnce("resi");
            }
            assertThat(ownDeadLetters()).hasSize(1);
        });
        JsonNode letter = ownDeadLetters().get(0);
        assertThat(letter.get("originalQueue").asText()).isEqualTo("pintu.events::pintu-documents");
        assertThat(letter.get("reason").asText()).contains("IllegalStateException").contains("no task");
        // The batch failed on that event after making the receipts, was rolled back and taken message by message:
        // one receipt per case all the same, none twice.
        for (String id : cases) {
            assertThat(count("SELECT COUNT(*) FROM document_effect WHERE application_id = ? AND kind = 'resi'", id))
                    .isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM document_seal WHERE application_id = ? AND kind = 'resi'", id))
                    .as("one registered seal: the failed batch's was rolled back with its document").isEqualTo(1);
        }
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private List<String> kinds(String id) {
        return jdbc.sql("SELECT kind FROM document WHERE application_id = ?").param(id).query(String.class).list();
    }

    private List<JsonNode> ownDeadLetters() {
        return RouteDeadLetters.listed(api, ROUTE);
    }
}
