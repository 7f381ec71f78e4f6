package id.pintu.workflow;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Routes committed outbox events. The fast path is woken right after a commit with the event itself and routes it
 * from memory while the instance still holds it (see {@link OutboxRelayProperties#hold()}); the poll picks up,
 * under a lease and on the same threads, whatever a crash or a failed routing left behind. An event is deleted only
 * after its route finished (for a completion: the next task's message is on the actor's queue), so it is routed at
 * least once, and the receiving side makes a repeat harmless.
 */
@Component
public class OutboxRelay {

    /** The kind of a completion's (or a new case's) row: its transition and its case event. */
    public static final String TRANSITION = "TRANSITION";
    /** The kind of the transitions older hubs wrote, their case event in a row of its own; routed the same way. */
    public static final String STEP_COMPLETED = "STEP_COMPLETED";
    public static final String OUTBOX_ID = "PintuOutboxId";
    /**
     * An exchange property a route may set to a database write ({@link Runnable}) that records what its routing did
     * outside the hub, e.g. a mail's sent record. It runs in the transaction that deletes the routed event, with the
     * writes of the other events deleted then, instead of in a commit of its own; until then the event stays held or
     * leased, so no relay routes it again. The write must be harmless when it finds its record there already. If that
     * transaction fails, each write is tried on its own, so one bad write loses no other.
     */
    public static final String RECORD_ON_DELETE = "PintuOutboxRecordOnDelete";
    /** Attempts of an event that waits for something (NotReadyYetException) logged at INFO; later ones warn. */
    public static final int PATIENT_ATTEMPTS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int DELETE_BATCH = 500;
    /** How long a reported output is remembered for the tries that were under way when it came. */
    private static final long REPORTS_KEPT_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** The reports are swept of old ones at most this often (a sweep walks them all). */
    private static final long REPORTS_SWEPT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final OutboxRepository outbox;
    private final ProducerTemplate producer;
    private final Clock clock;
    private final WorkflowProperties properties;
    private final OutboxRelayProperties relay;
    private final TransactionOperations tx;
    private final Queue<Routed> routed = new ConcurrentLinkedQueue<>();
    private final ReentrantLock deleting = new ReentrantLock();
    private volatile long lastDelete = System.nanoTime();
    /** When each case's outputs were last reported here ({@link #retryWaiting}), by case and output (or "any"). */
    private final Map<String, Long> reported = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    public OutboxRelay(OutboxRepository outbox, @Lazy ProducerTemplate producer, Clock clock,
            WorkflowProperties properties, OutboxRelayProperties relay, TransactionOperations tx) {
        this.outbox = outbox;
        this.tx = tx;
        this.producer = producer;
        this.clock = clock;
        this.properties = properties;
        this.relay = relay;
    }

    /** A committed event on its way to the fast path, held by this instance until {@code heldUntil}. */
    public record Committed(OutboxRepository.Event event, Instant heldUntil) {}

    /** Until when an event committed now belongs to this instance's fast path. */
    public Instant holdUntil() {
        return clock.instant().plus(relay.hold());
    }

    /** Asks for an event to be routed soon, off the caller's thread; the poll is the safety net. */
    public void wake(Committed committed) {
        try {
            producer.asyncSendBody(wakeup(committed.event().kind()), committed);
        } catch (RuntimeException e) {
            LOG.debug("Wake-up for {} not queued ({}); the poll will route it", committed.event().id(), e.getMessage());
        }
    }

    /**
     * The fast path: routes the event from memory if at most half of its hold has passed (no poll can take it
     * before the hold ends, so no lease is needed); later than that, it leases the row like the poll.
     */
    public boolean dispatchCommitted(Committed committed) {
        Instant halfway = committed.heldUntil().minus(relay.hold().dividedBy(2));
        if (clock.instant().isBefore(halfway)) {
            return route(committed.event());
        }
        return dispatch(committed.event().id());
    }

    /**
     * An event the poll found due, handed to the fast path's threads; {@code done} completes with whether it was
     * routed here (false: another relay holds it, or its route failed and it waits for its next try).
     */
    public record Due(String id, CompletableFuture<Boolean> done) {}

    /**
     * The wake-up route's work: a committed event from memory, an event the poll found due, or the id of an event
     * that waited (retryWaiting).
     */
    public boolean dispatchWoken(Object woken) {
        if (woken instanceof Committed c) {
            return dispatchCommitted(c);
        }
        if (woken instanceof Due d) {
            try {
                boolean routed = dispatch(d.id());
                d.done().complete(routed);
                return routed;
            } catch (RuntimeException e) {
                d.done().completeExceptionally(e);
                throw e;
            }
        }
        Optional<OutboxRepository.Event> leased = outbox.leaseWaiting((String) woken,
                clock.instant().plus(properties.outboxLease()));
        return leased.isPresent() && route(leased.get());
    }

    /**
     * Another feature has just produced what events of this case may wait for (a document, a letter's number):
     * those that wait (a try failed for want of it, or they were recorded waiting) become due now and are handed to
     * the fast path's threads at once, not left to the next poll. An event being tried at that moment, which its
     * try then finds too early, is released as soon as it is marked as waiting: the report is remembered for the
     * tries under way ({@link #route}). Never fails the caller.
     *
     * @param outputs what was produced (e.g. {@code document:surat-izin}): an event waiting for something else stays
     *     waiting; an event waiting for no output in particular is released by any
     */
    public void retryWaiting(String applicationId, Collection<String> outputs) {
        long at = System.nanoTime();
        reported.put(reportKey(applicationId, null), at);
        outputs.forEach(output -> reported.put(reportKey(applicationId, output), at));
        if (at - lastSweep > REPORTS_SWEPT_EVERY_NANOS) {
            lastSweep = at;
            reported.values().removeIf(t -> at - t > REPORTS_KEPT_NANOS);
        }
        try {
            // Due now for the poll too, in case a wake-up is not taken (its queue full, the hub stopping).
            // In whole milliseconds: stored as it is (the databases round finer fractions), so that waiting(...) finds
            // exactly the events released here and those already due.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (outbox.releaseWaiting(applicationId, now, outputs) > 0) {
                List<OutboxRepository.Ref> waiting = outbox.waiting(applicationId, now);
                LOG.debug("{} waiting outbox event(s) of case {} due now", waiting.size(), applicationId);
                for (OutboxRepository.Ref event : waiting) {
                    producer.asyncSendBody(wakeup(event.kind()), event.id());
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Waiting outbox events of case {} not released ({}); they keep their back-off", applicationId,
                    e.toString());
        }
    }

    /** Whether {@code output} of the case (null: any) was reported here since {@code since} ({@link System#nanoTime}). */
    private boolean reportedSince(String applicationId, String output, long since) {
        Long at = reported.get(reportKey(applicationId, output));
        return at != null && at - since >= 0;
    }

    private static String reportKey(String applicationId, String output) {
        return applicationId + '\n' + (output == null ? "*" : output);
    }

    /** The fast-path threads for an event of this kind. */
    private String wakeup(String kind) {
        return relay.outside().includes(kind) ? WorkflowEndpoints.OUTBOX_WAKEUP_OUTSIDE : WorkflowEndpoints.OUTBOX_WAKEUP;
    }

    /** Routes every event that is due, except the kinds that talk to an outside server; returns how many were routed. */
    public int dispatchDue() {
        return dispatchDue(false);
    }

    /**
     * Routes every due event of the kinds that talk to an outside server ({@code outbox-poll-outside}): a mail server
     * that hangs until the timeout holds up this poll, not {@link #dispatchDue()}'s.
     */
    public int dispatchDueOutside() {
        return dispatchDue(true);
    }

    /**
     * Leases and routes the due events on the fast path's threads of their kind (not one by one on the poll's thread:
     * after an outage or a crash, or while a mail server is slow, hundreds may be due), and waits until they are done,
     * so that the next poll does not hand over the same events again. It stops waiting when the hub stops, or when
     * none of them has finished for a lease's time (a wake-up dropped by a full queue: the next poll finds it again).
     */
    private int dispatchDue(boolean outside) {
        flushDeletes();
        List<String> due = outbox.due(clock.instant(), properties.outboxBatch(), relay.outside().kinds(), outside);
        if (due.size() == 1) {
            return dispatch(due.get(0)) ? 1 : 0;
        }
        String threads = outside ? WorkflowEndpoints.OUTBOX_WAKEUP_OUTSIDE : WorkflowEndpoints.OUTBOX_WAKEUP;
        List<CompletableFuture<Boolean>> handed = new ArrayList<>(due.size());
        for (String id : due) {
            Due d = new Due(id, new CompletableFuture<>());
            producer.sendBody(threads, d);
            handed.add(d.done());
        }
        return awaitRouted(handed);
    }

    private int awaitRouted(List<CompletableFuture<Boolean>> handed) {
        CompletableFuture<Void> all = CompletableFuture.allOf(handed.toArray(CompletableFuture[]::new));
        long stall = properties.outboxLease().toNanos();
        int finished = 0;
        long lastProgress = System.nanoTime();
        while (!all.isDone() && System.nanoTime() - lastProgress < stall && !producer.getCamelContext().isStopping()) {
            try {
                all.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // not all finished in this slice, or one failed: progress is counted below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            int now = (int) handed.stream().filter(CompletableFuture::isDone).count();
            if (now > finished) {
                finished = now;
                lastProgress = System.nanoTime();
            }
        }
        return (int) handed.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally() && f.join()).count();
    }

    /** Routes one event if no other relay holds it. */
    public boolean dispatch(String eventId) {
        Instant now = clock.instant();
        Optional<OutboxRepository.Event> leased = outbox.lease(eventId, now, now.plus(properties.outboxLease()));
        if (leased.isEmpty()) {
            return false;
        }
        return route(leased.get());
    }

    private boolean route(OutboxRepository.Event event) {
        long tried = System.nanoTime();
        String endpoint = WorkflowEndpoints.OUTBOX_PREFIX + event.kind().toLowerCase(Locale.ROOT).replace('_', '-');
        Exchange result = producer.send(endpoint, exchange -> {
            exchange.getIn().setHeader(OUTBOX_ID, event.id());
            exchange.getIn().setHeader(WorkflowHeaders.APPLICATION_ID, event.applicationId());
            exchange.getIn().setBody(event.payload());
        });
        if (result.getException() != null) {
            boolean wait = NotReadyYetException.isWait(result.getException());
            String waitsFor = NotReadyYetException.waitsFor(result.getException());
            Duration backoff = backoff(event.attempts());
            if (waitsFor != null && backoff.compareTo(relay.outputWait()) < 0) {
                // Its output's report releases it; the poll's try is the safety net.
                backoff = relay.outputWait();
            }
            if (wait && event.attempts() < PATIENT_ATTEMPTS) {
                LOG.info("Outbox event {} ({}) waits, attempt {}; again in {}: {}", event.id(), event.kind(),
                        event.attempts(), backoff, result.getException().getMessage());
            } else {
                LOG.warn("Routing outbox event {} ({}) failed, attempt {}; retrying in {}: {}", event.id(),
                        event.kind(), event.attempts(), backoff, result.getException().toString());
            }
            outbox.retryLater(event.id(), clock.instant().plus(backoff), result.getException().toString(), waitsFor);
            if (wait && reportedSince(event.applicationId(), waitsFor, tried)) {
                // What it waits for came while it was tried, before it was marked as waiting: that report released
                // nothing, so it is released now rather than after its back-off.
                retryWaiting(event.applicationId(), waitsFor == null ? List.of() : List.of(waitsFor));
            }
            return false;
        }
        routed.add(new Routed(event.id(), result.getProperty(RECORD_ON_DELETE, Runnable.class)));
        if (System.nanoTime() - lastDelete >= relay.deleteEvery().toNanos()) {
            flushDeletes();
        }
        return true;
    }

    /**
     * Deletes routed events, many per statement: whichever relay thread gets here first deletes what every thread
     * has routed so far, while the others go on routing. The routing threads call it at most every
     * {@code pintu.workflow.relay.delete-every} (each delete is a commit, which on H2 costs as much as the
     * completion's), the polls at each run, the hub when it stops. An event routed but not yet deleted stays held or
     * leased, so no relay routes it again before that ends; if the hub dies in between it is routed once more
     * afterwards, which the receiving side already makes harmless (as for a crash between routing and deleting).
     */
    @PreDestroy
    void flushDeletes() {
        while (!routed.isEmpty() && deleting.tryLock()) {
            try {
                lastDelete = System.nanoTime();
                List<Routed> batch = new ArrayList<>();
                for (Routed r; batch.size() < DELETE_BATCH && (r = routed.poll()) != null; ) {
                    batch.add(r);
                }
                recordAndDelete(batch);
            } catch (RuntimeException e) {
                LOG.warn("Deleting routed outbox events failed; they are routed again when their lease ends: {}",
                        e.toString());
            } finally {
                deleting.unlock();
            }
        }
    }

    /**
     * The routed events' records and their deletes in one transaction. If it fails, each record is written on its
     * own, and an event whose record still fails is not deleted: it is routed again after its hold or lease, as if
     * its route had failed.
     */
    private void recordAndDelete(List<Routed> batch) {
        List<String> ids = batch.stream().map(Routed::id).toList();
        if (batch.stream().allMatch(r -> r.record() == null)) {
            outbox.delete(ids);
            return;
        }
        try {
            tx.executeWithoutResult(status -> {
                batch.stream().map(Routed::record).filter(Objects::nonNull).forEach(Runnable::run);
                outbox.delete(ids);
            });
        } catch (RuntimeException e) {
            LOG.warn("Recording and deleting {} routed outbox events together failed ({}); recording each on its own",
                    ids.size(), e.toString());
            List<String> done = new ArrayList<>();
            for (Routed r : batch) {
                try {
                    if (r.record() != null) {
                        tx.executeWithoutResult(status -> r.record().run());
                    }
                    done.add(r.id());
                } catch (RuntimeException failed) {
                    LOG.warn("Outbox event {} routed, but its record was not written ({}); it is routed again after"
                            + " its lease", r.id(), failed.toString());
                }
            }
            outbox.delete(done);
        }
    }

    /** An event routed and not deleted yet, with the record its route left to write with the delete (or null). */
    private record Routed(String id, Runnable record) {}

    static Duration backoff(int attempts) {
        Duration d = Duration.ofSeconds(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
