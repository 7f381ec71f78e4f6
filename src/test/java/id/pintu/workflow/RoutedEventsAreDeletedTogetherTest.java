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
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Each delete of routed outbox events is a commit, which on H2 costs as much as the completion's: the routing
 * threads delete what all of them routed at most every {@code pintu.workflow.relay.delete-every}, the polls and the
 * hub's stop the rest. A record a route leaves (a mail's sent record) is written in the delete's transaction, and one
 * that fails there is written on its own while its event stays to be routed again. Real Camel routes, the
 * repository's delete and the transactions recorded instead of run.
 */
class RoutedEventsAreDeletedTogetherTest {

    private final List<List<String>> deletes = new CopyOnWriteArrayList<>();
    private final List<Boolean> deletedInTransaction = new CopyOnWriteArrayList<>();
    private final List<String> written = new ArrayList<>();
    private final AtomicInteger transactions = new AtomicInteger();
    private volatile boolean inTransaction;
    private CamelContext camel;

    @BeforeEach
    void camel() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(WorkflowEndpoints.OUTBOX_PREFIX + "test-kind").routeId("outbox-test-kind").log("routed ${body}");
                // Leaves a record to write with the delete: the event's id, refused for an id that starts "bad".
                from(WorkflowEndpoints.OUTBOX_PREFIX + "test-record").routeId("outbox-test-record")
                        .process(x -> {
                            String id = x.getIn().getHeader(OutboxRelay.OUTBOX_ID, String.class);
                            x.setProperty(OutboxRelay.RECORD_ON_DELETE, (Runnable) () -> {
                                if (id.startsWith("bad")) {
                                    throw new IllegalStateException("record of " + id + " refused");
                                }
                                written.add(id);
                            });
                        });
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
    void recordsLeftByTheRoutesAreWrittenInTheDeletesTransaction() throws Exception {
        OutboxRelay relay = relay(Duration.ofHours(1), Duration.ofHours(4));
        List<String> routed = routeFromFourThreads(relay, 20, "test-record", "good-");

        assertThat(written).as("nothing recorded before the delete").isEmpty();
        relay.flushDeletes();
        assertThat(transactions).hasValue(1);
        assertThat(written).containsExactlyInAnyOrderElementsOf(routed);
        assertThat(deletes).hasSize(1);
        assertThat(deletes.get(0)).containsExactlyInAnyOrderElementsOf(routed);
        assertThat(deletedInTransaction).as("the delete ran inside that transaction").containsExactly(true);
    }

    @Test
    void aRecordThatFailsKeepsItsEventAndLosesNoOther() throws Exception {
        OutboxRelay relay = relay(Duration.ofHours(1), Duration.ofHours(4));
        List<String> good = routeFromFourThreads(relay, 6, "test-record", "good-");
        List<String> bad = routeFromFourThreads(relay, 1, "test-record", "bad-");

        relay.flushDeletes();
        assertThat(written).as("the batch rolled back, then each on its own").containsExactlyInAnyOrderElementsOf(good);
        assertThat(transactions).as("the batch, then one per record").hasValue(1 + good.size() + bad.size());
        assertThat(deletes).hasSize(1);
        assertThat(deletes.get(0)).as("the bad one is left to be routed again").containsExactlyInAnyOrderElementsOf(good);
    }

    @Test
    void anIntervalNotWellWithinTheHoldIsRefusedByName() {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(3), Duration.ofSeconds(5)))
                .hasMessageContaining("pintu.workflow.relay.delete-every");
        assertThatThrownBy(() -> properties(Duration.ofMillis(-1), Duration.ofSeconds(5)))
                .hasMessageContaining("pintu.workflow.relay.delete-every");
    }

    private List<String> routeFromFourThreads(OutboxRelay relay, int events) throws Exception {
        return routeFromFourThreads(relay, events, "TEST_KIND", "event-");
    }

    private List<String> routeFromFourThreads(OutboxRelay relay, int events, String kind, String prefix)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String id = prefix + i;
                ids.add(id);
                OutboxRepository.Event e = new OutboxRepository.Event(id, kind, "case-1", "{}", 0);
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
                if (!ids.isEmpty()) {
                    deletes.add(List.copyOf(ids));
                    deletedInTransaction.add(inTransaction);
                }
            }
        };
        WorkflowProperties workflow = new WorkflowProperties("pintu.actor.", 2, 100, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 200, "P10D", "front-office", "pintu.events", Duration.ofMinutes(1),
                Duration.ofHours(1));
        return new OutboxRelay(recording, camel.createProducerTemplate(), Clock.systemUTC(), workflow,
                properties(deleteEvery, hold), new TransactionOperations() {
                    /** Counts the transactions; a failing one takes back the records written in it. */
                    @Override
                    public <T> T execute(TransactionCallback<T> action) {
                        transactions.incrementAndGet();
                        int before = written.size();
                        inTransaction = true;
                        try {
                            return action.doInTransaction(null);
                        } catch (RuntimeException e) {
                            written.subList(before, written.size()).clear();
                            throw e;
                        } finally {
                            inTransaction = false;
                        }
                    }
                });
    }

    private static OutboxRelayProperties properties(Duration deleteEvery, Duration hold) {
        return new OutboxRelayProperties(16, 100, hold,
                new OutboxRelayProperties.Outside(List.of("MAIL"), 4), deleteEvery, Duration.ofMinutes(1));
    }
}
