package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.HubTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A waiting event tried early because another feature produced something for its case, and still not ready, keeps
 * its attempt count and its back-off: only the tries on its schedule count. (A rejected case's mail waits for the
 * numbered letter while the case's other documents come one by one; counting each wake-up made the back-off reach
 * minutes and the waits warnings within seconds.)
 */
@HubTest
class EarlyTryOfAWaitingEventIsNoAttemptTest {

    private static final AtomicInteger TRIES = new AtomicInteger();

    @Autowired
    CamelContext camel;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void routeThatIsNeverReady() throws Exception {
        if (camel.getRoute("outbox-test-never-ready") == null) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(WorkflowEndpoints.OUTBOX_PREFIX + "test-never-ready").routeId("outbox-test-never-ready")
                            .process(x -> {
                                TRIES.incrementAndGet();
                                throw new NotReadyYetException("no document of kind surat-penolakan yet");
                            });
                }
            });
        }
    }

    @Test
    void wakeUpsLeaveAttemptsAndBackoffAlone() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        Instant later = Instant.now().plus(Duration.ofHours(1));
        outbox.insert(id, "TEST_NEVER_READY", caseId, "{}", Instant.now(), later);
        jdbc.sql("UPDATE outbox SET attempts = 3 WHERE id = ?").param(id).update();
        outbox.retryLater(id, later, "id.pintu.workflow.NotReadyYetException: no document yet", null);

        // The poll is stopped so that only the wake-ups try the event (the poll's tries are scheduled ones).
        camel.getRouteController().stopRoute("outbox-poll");
        try {
            for (int wake = 1; wake <= 3; wake++) {
                int triesBefore = TRIES.get();
                Instant woken = Instant.now();
                relay.retryWaiting(caseId, List.of());
                // The early try clears the error when it takes the event, and the failed route sets it again.
                await().atMost(Duration.ofSeconds(15)).until(() -> TRIES.get() > triesBefore && lastError(id) != null);

                assertThat(column(id, "attempts", Integer.class)).as("attempts after wake-up %d", wake).isEqualTo(3);
                assertThat(column(id, "available_at", Timestamp.class).toInstant())
                        .as("due after the back-off of attempt 3 (4 s), not a doubled one")
                        .isBetween(woken.plusSeconds(3), Instant.now().plusSeconds(5));
            }
        } finally {
            camel.getRouteController().startRoute("outbox-poll");
        }
        outbox.delete(List.of(id));
    }

    private String lastError(String id) {
        return column(id, "last_error", String.class);
    }

    private <T> T column(String id, String column, Class<T> type) {
        return jdbc.sql("SELECT " + column + " FROM outbox WHERE id = ?").param(id).query(type).list().get(0);
    }
}
