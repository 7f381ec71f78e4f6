package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.HubTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An outbox event that failed because another feature's output was not there yet (a mail's PDF, the permit's
 * number) waits out its back-off, which grows to minutes. When that feature reports the output for the case
 * ({@link OutboxRelay#retryWaiting}), the case's waiting events are routed at once by the fast path's threads (the
 * poll is stopped here, so it cannot be the poll); events of other cases, events that are held or leased rather
 * than failed, and events that wait for another output (a mail waiting for the permit, not for the resi) keep their
 * time.
 */
@HubTest
class WaitingEventsGoOnceTheirInputArrivesTest {

    private static final Set<String> ROUTED = ConcurrentHashMap.newKeySet();

    @Autowired
    CamelContext camel;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcClient jdbc;

    /** Tries of the TEST_RACE kind: the first finds its input missing, which is reported meanwhile. */
    private static final AtomicInteger RACE_TRIES = new AtomicInteger();

    @BeforeEach
    void routeForTheTestKind() throws Exception {
        if (camel.getRoute("outbox-test-wait") == null) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(WorkflowEndpoints.OUTBOX_PREFIX + "test-wait").routeId("outbox-test-wait")
                            .process(x -> ROUTED.add(x.getIn().getHeader(OutboxRelay.OUTBOX_ID, String.class)));
                    from(WorkflowEndpoints.OUTBOX_PREFIX + "test-race").routeId("outbox-test-race")
                            .process(x -> {
                                if (RACE_TRIES.incrementAndGet() == 1) {
                                    // The other feature reports its output while this try is under way, before
                                    // the try fails and the event is marked as waiting.
                                    relay.retryWaiting(x.getIn().getHeader(WorkflowHeaders.APPLICATION_ID,
                                            String.class), List.of("document:surat-penolakan"));
                                    throw new NotReadyYetException("the letter has no number yet");
                                }
                                ROUTED.add(x.getIn().getHeader(OutboxRelay.OUTBOX_ID, String.class));
                            });
                }
            });
        }
    }

    @Test
    void anOutputReportedWhileTheEventIsTriedDoesNotLeaveItToItsBackoff() throws Exception {
        String caseC = UUID.randomUUID().toString();
        String id = waiting("TEST_RACE", caseC, Instant.now().plus(Duration.ofHours(1)), null);

        camel.getRouteController().stopRoute("outbox-poll");
        try {
            relay.retryWaiting(caseC, List.of("document:resi"));
            // The first try fails with its back-off (seconds); the poll is stopped: only the remembered report can
            // route it again.
            await().atMost(Duration.ofSeconds(15)).until(() -> ROUTED.contains(id) && !exists(id));
        } finally {
            camel.getRouteController().startRoute("outbox-poll");
        }
        assertThat(RACE_TRIES).hasValue(2);
    }

    @Test
    void failedEventsOfTheCaseAreRoutedAtOnceOthersKeepTheirBackoff() throws Exception {
        String caseA = UUID.randomUUID().toString();
        String caseB = UUID.randomUUID().toString();
        Instant later = Instant.now().plus(Duration.ofHours(1));
        String waitingA = waiting(caseA, later);
        String heldA = UUID.randomUUID().toString();
        outbox.insert(heldA, "TEST_WAIT", caseA, "{}", Instant.now(), later);
        String waitingB = waiting(caseB, later);
        String permitA = waiting(caseA, later, "document:surat-izin");
        String heldForPermitA = UUID.randomUUID().toString();
        outbox.insertWaiting(heldForPermitA, "TEST_WAIT", caseA, "{}", Instant.now(), later,
                "waits for its attachment latest:surat-izin", "document:surat-izin");

        camel.getRouteController().stopRoute("outbox-poll");
        try {
            // A draft of the permit, or another final document: only what waits for no output in particular goes.
            relay.retryWaiting(caseA, List.of("document:resi"));

            await().atMost(Duration.ofSeconds(15)).until(() -> ROUTED.contains(waitingA) && !exists(waitingA));
            assertThat(ROUTED).as("waiting for the permit: not released by the resi")
                    .doesNotContain(permitA, heldForPermitA);
            assertThat(column(permitA, "available_at")).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
            assertThat(column(heldForPermitA, "available_at")).isAfter(Instant.now().plus(Duration.ofMinutes(50)));

            relay.retryWaiting(caseA, List.of("document:surat-izin"));

            await().atMost(Duration.ofSeconds(15)).until(() -> ROUTED.containsAll(List.of(permitA, heldForPermitA))
                    && !exists(permitA) && !exists(heldForPermitA));
        } finally {
            camel.getRouteController().startRoute("outbox-poll");
        }
        assertThat(ROUTED).doesNotContain(heldA, waitingB);
        assertThat(exists(heldA)).as("an event held (not failed) keeps its time").isTrue();
        assertThat(exists(waitingB)).as("another case's waiting event keeps its back-off").isTrue();
        outbox.delete(List.of(heldA, waitingB));
    }

    /** An event whose last routing failed and which now waits until {@code until}. */
    private String waiting(String applicationId, Instant until) {
        return waiting(applicationId, until, null);
    }

    /** The same, its try having failed for want of {@code waitsFor} (null: any output of the case). */
    private String waiting(String applicationId, Instant until, String waitsFor) {
        return waiting("TEST_WAIT", applicationId, until, waitsFor);
    }

    /** The same, of the outbox kind {@code kind}. */
    private String waiting(String kind, String applicationId, Instant until, String waitsFor) {
        String id = UUID.randomUUID().toString();
        outbox.insert(id, kind, applicationId, "{}", Instant.now(), until);
        outbox.retryLater(id, until, "id.pintu.workflow.NotReadyYetException: no document yet", waitsFor);
        return id;
    }

    private Instant column(String id, String name) {
        return jdbc.sql("SELECT " + name + " FROM outbox WHERE id = ?").param(id)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
    }

    private boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }
}
