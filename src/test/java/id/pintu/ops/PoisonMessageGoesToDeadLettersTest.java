package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.RouteDeadLetters;
import jakarta.jms.BytesMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jms.core.JmsTemplate;

/**
 * A message that always fails reaches the dead-letter queue after a bounded number of attempts, with its reason
 * and origin, without blocking the queue behind it; IT sees it in the admin API and can re-drive it.
 */
@HubTest
class PoisonMessageGoesToDeadLettersTest {

    @Autowired
    Api api;

    @Autowired
    JmsTemplate jms;

    @Autowired
    CamelContext camel;

    /** Sent as bytes, as Camel sends a task message: the listing shows its text, and a re-drive keeps its body. */
    @Test
    void poisonIsDeadLetteredWithItsReasonAndTheQueueMovesOn() {
        String poison = "{\"taskId\": \"not a task message " + System.nanoTime();
        jms.send("pintu.actor.front-office", session -> {
            BytesMessage m = session.createBytesMessage();
            m.writeBytes(poison.getBytes(StandardCharsets.UTF_8));
            return m;
        });
        String id = api.submit(Api.application(21)).get("id").asText();
        api.awaitTask(id, 2);

        JsonNode[] letters = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response r = api.call(HttpMethod.GET, "/api/admin/dead-letters", null, "admin");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).hasSize(1);
            letters[0] = r.body().get(0);
        });
        JsonNode letter = letters[0];
        assertThat(letter.get("originalQueue").asText()).isEqualTo("pintu.actor.front-office");
        assertThat(letter.get("reason").asText()).contains("JsonMappingException").contains("TaskMessage");
        assertThat(letter.get("route").asText()).isEqualTo("inbox-front-office");
        assertThat(letter.get("body").asText()).isEqualTo(poison);

        assertThat(api.call(HttpMethod.GET, "/api/admin/dead-letters", null, "front-office").status()).isEqualTo(403);

        Api.Response redriven = api.call(HttpMethod.POST,
                "/api/admin/dead-letters/" + letter.get("messageId").asText() + "/redrive", Map.of(), "admin");
        assertThat(redriven.status()).isEqualTo(200);
        // Still poison: it comes back once, not twice.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode again = api.call(HttpMethod.GET, "/api/admin/dead-letters", null, "admin").body();
            assertThat(again).hasSize(1);
            assertThat(again.get(0).get("messageId").asText()).isNotEqualTo(letter.get("messageId").asText());
            assertThat(again.get(0).get("body").asText()).as("the body re-driven whole").isEqualTo(poison);
        });
    }

    /**
     * A case event the metrics cannot read is dead-lettered as it was received (its text, not what the route made
     * of it), with the route, the reason and the queue of the metrics' shared subscription (not durable), to which
     * IT can re-drive it; the hub takes no copy of each message on arrival for this.
     */
    @Test
    void anUnreadableEventIsDeadLetteredAsReceivedAndCanBeReDriven() {
        String poison = "{\"type\": \"STEP_COMPLETED\", \"at\": \"kemarin\", \"n\": " + System.nanoTime() + "}";
        String queue = "pintu.events::nonDurable.pintu-metrics";
        JmsTemplate topic = new JmsTemplate(jms.getConnectionFactory());
        topic.setPubSubDomain(true);
        try {
            topic.send(queue, session -> session.createTextMessage(poison));
            JsonNode[] letter = new JsonNode[1];
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<JsonNode> letters = RouteDeadLetters.listed(api, "metrics-events");
                assertThat(letters).hasSize(1);
                letter[0] = letters.get(0);
            });
            assertThat(letter[0].get("body").asText()).isEqualTo(poison);
            assertThat(letter[0].get("reason").asText()).contains("InvalidFormatException").contains("kemarin");
            assertThat(letter[0].get("originalQueue").asText()).isEqualTo(queue);

            Api.Response redriven = api.call(HttpMethod.POST,
                    "/api/admin/dead-letters/" + letter[0].get("messageId").asText() + "/redrive", Map.of(), "admin");
            assertThat(redriven.status()).isEqualTo(200);
            // Still unreadable: back on the dead-letter queue once, through the metrics' route again.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<JsonNode> again = RouteDeadLetters.listed(api, "metrics-events");
                assertThat(again).hasSize(1);
                assertThat(again.get(0).get("messageId").asText()).isNotEqualTo(letter[0].get("messageId").asText());
                assertThat(again.get(0).get("body").asText()).isEqualTo(poison);
            });
            // Camel turns this on as soon as one route uses useOriginalMessage, and then copies every message.
            assertThat(camel.isAllowUseOriginalMessage()).as("no route asks Camel to keep the original message")
                    .isFalse();
        } finally {
            RouteDeadLetters.drain(jms, "metrics-events");
        }
    }
}
