package id.pintu.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.messaging.MessagingHeaders;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.jms.core.JmsTemplate;

/**
 * The dead letters one route made: as the admin API lists them, and drained from the dead-letter queue after a
 * test, so that tests sharing a hub count only their own.
 */
public final class RouteDeadLetters {

    private RouteDeadLetters() {}

    /** {@code GET /api/admin/dead-letters} as IT sees it, only those of {@code route}. */
    public static List<JsonNode> listed(Api api, String route) {
        Api.Response r = api.call(HttpMethod.GET, "/api/admin/dead-letters", null, "admin");
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> own = new ArrayList<>();
        r.body().forEach(l -> {
            if (route.equals(l.path("route").asText())) {
                own.add(l);
            }
        });
        return own;
    }

    /** Takes every dead letter of {@code route} off the queue. */
    public static void drain(JmsTemplate jms, String route) {
        JmsTemplate dlq = new JmsTemplate(jms.getConnectionFactory());
        dlq.setReceiveTimeout(500);
        while (dlq.receiveSelected("pintu.dead-letter", MessagingHeaders.DEAD_LETTER_ROUTE + " = '" + route + "'") != null) {
            // drained
        }
    }
}
