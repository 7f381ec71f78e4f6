package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each delete of routed outbox events is a commit, which on H2 costs as much as the completion's: the routing
 * threads delete what all of them routed at most every {@code pintu.workflow.relay.delete-every}, the polls and the
 * hub's stop the rest. Real Camel routes, the repository's delete recorded instead of run.
 */
class RoutedEventsAreDeletedTogetherTest {

    private final List<List<String>> deletes = new CopyOnWriteArrayList<>();
    private CamelContext camel;

    @BeforeEach
    void camel() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(WorkflowEndpoints.OUTBOX_PREFIX + "test-kind").routeId("outbox-test-kind").log("routed ${body}");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void withinTheIntervalRoutedEventsWaitForOneDeleteTogether() throws Exception {
        OutboxRelay relay = relay(Duration.ofHours(1), Duration.ofHours(4));
        List<String> routed = routeFromFourThreads(relay, 40);

        assertThat(deletes).as("none deleted by the routing threads within the interval").isEmpty();
        relay.flushDeletes();
        assertThat(deletes).as("one statement for all").hasSize(1);
        assertThat(deletes.get(0)).containsExactlyInAnyOrderElementsOf(routed);
    }

    @Test
    void withoutAnIntervalEachRoutingDeletes() throws Exception {
        OutboxRelay relay = relay(Duration.ZERO, Duration.ofSeconds(5));
        List<String> routed = routeFromFourThreads(relay, 40);

        assertThat(deletes.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(routed);
        assertThat(deletes.size()).as("deleted as they were routed, several statements").isGreaterThan(1);
    }

    @Test
    void anIntervalNotWellWithinTheHoldIsRefusedByName() {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(3), Duration.ofSeconds(5)))
                .hasMessageContaining("pintu.workflow.relay.delete-every");
        assertThatThrownBy(() -> properties(Duration.ofMillis(-1), Duration.ofSeconds(5)))
                .hasMessageContaining("pintu.workflow.relay.delete-every");
    }

    private List<String> routeFromFourThreads(OutboxRelay relay, int events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String id = "event-" + i;
                ids.add(id);
                OutboxRepository.Event e = new OutboxRepository.Event(id, "TEST_KIND", "case-1", "{}", 0);
                done.add(pool.submit(() -> relay.dispatchCommitted(new OutboxRelay.Committed(e, relay.holdUntil()))));
            }
            for (Future<Boolean> f : done) {
                assertThat(f.get()).as("routed").isTrue();
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    private OutboxRelay relay(Duration deleteEvery, Duration hold) {
        OutboxRepository recording = new OutboxRepository(null) {
            @Override
            public void delete(List<String> ids) {
                deletes.add(List.copyOf(ids));
            }
        };
        WorkflowProperties workflow = new WorkflowProperties("pintu.actor.", 2, 100, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 200, "P10D", "front-office", "pintu.events");
        return new OutboxRelay(recording, camel.createProducerTemplate(), Clock.systemUTC(), workflow,
                properties(deleteEvery, hold));
    }

    private static OutboxRelayProperties properties(Duration deleteEvery, Duration hold) {
        return new OutboxRelayProperties(16, 100, hold,
                new OutboxRelayProperties.Outside(List.of("MAIL"), 4), deleteEvery, Duration.ofMinutes(1));
    }
}
