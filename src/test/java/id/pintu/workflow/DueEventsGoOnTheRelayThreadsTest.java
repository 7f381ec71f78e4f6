package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.HubTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events that the fast path did not route (those of a hub that died, those whose route failed and waited out their
 * back-off, a backlog after an outage) are found by the poll and routed side by side on the relay's threads, each
 * once, not one after another on the poll's own thread. Here each event's route holds its thread until four of them
 * run at the same time: routed one by one, none would get past the first.
 */
@HubTest
class DueEventsGoOnTheRelayThreadsTest {

    private static final int SIDE_BY_SIDE = 4;
    private static final Map<String, Integer> ROUTED = new ConcurrentHashMap<>();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MOST_RUNNING = new AtomicInteger();
    private static volatile CountDownLatch together = new CountDownLatch(SIDE_BY_SIDE);

    @Autowired
    CamelContext camel;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void routeForTheTestKind() throws Exception {
        if (camel.getRoute("outbox-test-backlog") == null) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(WorkflowEndpoints.OUTBOX_PREFIX + "test-backlog").routeId("outbox-test-backlog")
                            .process(x -> {
                                MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
                                try {
                                    together.countDown();
                                    together.await(10, TimeUnit.SECONDS);
                                    ROUTED.merge(x.getIn().getHeader(OutboxRelay.OUTBOX_ID, String.class), 1,
                                            Integer::sum);
                                } finally {
                                    RUNNING.decrementAndGet();
                                }
                            });
                }
            });
        }
    }

    @Test
    void aBacklogOfDueEventsIsRoutedSideBySideEachOnce() {
        Instant past = Instant.now().minusSeconds(60);
        List<String> ids = new ArrayList<>();
        // Due at once and never woken: only the poll can find them, as after a crash. One transaction, so that a
        // poll running meanwhile finds all of them or none, never the first few alone (they would wait for the
        // others in vain while that poll waits for them).
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 40; i++) {
                String id = UUID.randomUUID().toString();
                outbox.insert(id, "TEST_BACKLOG", UUID.randomUUID().toString(), "{}", past, past);
                ids.add(id);
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().noneMatch(this::exists));

        assertThat(MOST_RUNNING.get()).as("routes running at the same time").isGreaterThanOrEqualTo(SIDE_BY_SIDE);
        assertThat(ids).allSatisfy(id -> assertThat(ROUTED.get(id)).as("routed once: %s", id).isEqualTo(1));
    }

    private boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }
}
