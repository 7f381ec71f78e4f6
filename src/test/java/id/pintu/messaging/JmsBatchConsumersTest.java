package id.pintu.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.pintu.support.HubTest;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A subscription read by several {@code jms-batch} threads ({@code consumers=N}, which the documents and the status
 * mails allow): every message is handed to the route exactly once, the threads share the work, and an impossible
 * thread count is refused when the route is built.
 */
@HubTest
class JmsBatchConsumersTest {

    private static final String TOPIC = "pintu.test.batch-consumers";
    private static final String SUBSCRIPTION = "pintu-test-batch-consumers";
    private static final String ROUTE = "test-batch-consumers";

    @Autowired
    CamelContext camel;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    RetiredSubscriptions subscriptions;

    private final Queue<String> handled = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> byThread = new ConcurrentHashMap<>();

    @AfterEach
    void removeRouteAndSubscription() throws Exception {
        if (camel.getRoute(ROUTE) != null) {
            camel.getRouteController().stopRoute(ROUTE);
            camel.removeRoute(ROUTE);
        }
        subscriptions.retire(List.of(SUBSCRIPTION));
    }

    @Test
    void twoThreadsShareASubscriptionAndHandleEveryMessageOnce() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(JmsBatchComponent.SCHEME + ":topic:" + TOPIC + "?subscription=" + SUBSCRIPTION + "&consumers=2")
                        .routeId(ROUTE)
                        .process(exchange -> {
                            List<?> batch = exchange.getMessage().getBody(List.class);
                            batch.forEach(text -> handled.add((String) text));
                            byThread.merge(Thread.currentThread().getName(), batch.size(), Integer::sum);
                        });
            }
        });

        try (Connection c = connections.createConnection();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = s.createProducer(s.createTopic(TOPIC));
            // The threads subscribe as the route starts; a message published before that reaches no one.
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                producer.send(s.createTextMessage("probe"));
                return handled.contains("probe");
            });
            for (int i = 0; i < 400; i++) {
                producer.send(s.createTextMessage("m-" + i));
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> handled.stream().filter(t -> t.startsWith("m-")).count()
                >= 400);
        List<String> messages = handled.stream().filter(t -> t.startsWith("m-")).toList();
        Set<String> distinct = new HashSet<>(messages);
        assertThat(distinct).hasSize(400);
        assertThat(messages).hasSize(400);
        assertThat(byThread.keySet()).contains("jms-batch-" + SUBSCRIPTION + "-1", "jms-batch-" + SUBSCRIPTION + "-2");
    }

    @Test
    void noThreadsIsRefused() {
        assertThatThrownBy(() -> camel.getEndpoint(JmsBatchComponent.SCHEME + ":topic:" + TOPIC + "?subscription="
                + SUBSCRIPTION + "&consumers=0"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("consumers must be at least 1");
    }

    @Test
    void aQueueWithASubscriptionOrAnotherKindIsRefused() {
        assertThatThrownBy(() -> camel.getEndpoint(JmsBatchComponent.SCHEME + ":queue:q?subscription=s"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("a queue has no subscription");
        assertThatThrownBy(() -> camel.getEndpoint(JmsBatchComponent.SCHEME + ":temp-queue:q"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("topic:<name> (a durable shared subscription) or queue:<name> is required");
    }
}
