package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.RouteDeadLetters;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/**
 * The mails owed by case events that waited together go into the outbox in one transaction; an unreadable event
 * among them fails the batch, which the consumer takes again message by message: every applicant gets the receipt
 * mail ("diterima") once, and only the unreadable event is dead-lettered, from the status mails' route.
 */
@HubTest
class StatusMailsOfABatchTest {

    private static final String ROUTE = "status-mail";

    @Autowired
    CamelContext camel;

    @Autowired
    JmsTemplate jms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @AfterEach
    void removeOwnDeadLetters() {
        RouteDeadLetters.drain(jms, ROUTE); // other tests of the same context count the dead letters they make
    }

    @Test
    void waitingEventsOweTheirMailsOnceAndAnUnreadableOneIsDeadLetteredAlone() throws Exception {
        List<String> cases = new ArrayList<>();
        camel.getRouteController().stopRoute(ROUTE);
        try {
            for (int i = 0; i < 3; i++) {
                cases.add(api.submit(Api.application(80 + i)).get("id").asText());
                if (i == 1) {
                    JmsTemplate topic = new JmsTemplate(jms.getConnectionFactory());
                    topic.setPubSubDomain(true);
                    topic.send("pintu.events::pintu-mail", s -> s.createTextMessage("{\"eventId\": \"broken"));
                }
            }
            for (String id : cases) {
                api.awaitTask(id, 2);
            }
        } finally {
            camel.getRouteController().startRoute(ROUTE);
        }

        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> {
            for (String id : cases) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_sent WHERE application_id = ? AND dedup_key LIKE"
                        + " 'diterima:%'").param(id).query(Long.class).single()).as("case %s", id).isEqualTo(1L);
            }
            assertThat(ownDeadLetters()).hasSize(1);
        });
        JsonNode letter = ownDeadLetters().get(0);
        assertThat(letter.get("originalQueue").asText()).isEqualTo("pintu.events::pintu-mail");
        assertThat(letter.get("reason").asText()).contains("JsonMappingException");
    }

    private List<JsonNode> ownDeadLetters() {
        return RouteDeadLetters.listed(api, ROUTE);
    }
}
