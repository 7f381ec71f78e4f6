package id.pintu.workflow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The relay's fast path: committed events are handed to this many threads, each routing one event at a time.
 * Every route ends in a persistent send that waits for the broker's journal sync (several milliseconds on an
 * ordinary disk); the broker syncs all sends waiting at that moment together, so more threads mean more events
 * per sync rather than more syncs (docs/benchmark.md).
 *
 * <p>An event is written already held by the instance that commits it ({@code available_at} = commit time +
 * {@code hold}): no poll, on this instance or another, takes it before then, so the fast path routes it from memory
 * without a lease of its own (no extra statement, no extra commit). A wake-up that starts after half the hold has
 * passed (a long backlog) leases the row as the poll does. If the instance dies before the event is routed, the
 * poll of any instance routes it once the hold has passed.
 *
 * @param threads concurrent routing threads of the fast path
 * @param queueSize wake-ups waiting for a thread; beyond it a wake-up is dropped and the poll routes the event
 * @param hold how long a freshly committed event belongs to the fast path of the instance that committed it; also
 *     how long events of a crashed instance wait before a poll routes them
 * @param outside the kinds whose routes talk to a server outside the hub, routed on threads of their own
 * @param deleteEvery how often the routed events are deleted (one statement and one commit for all routed since the
 *     last time, not one per routing thread that finds the batch empty of others); a routed event not yet deleted
 *     stays held or leased, so it must be below half the hold. A hub that stops deletes what is left; one that dies
 *     routes those events again after their hold, which the receiving side makes harmless
 * @param outputWait how long at least an event whose try failed for want of a named output (a letter's agenda number,
 *     {@link NotReadyYetException#waitsFor}) waits before the poll tries it again: the report of that output releases
 *     it at once, so this is only the safety net for a report lost with a crash. A shorter wait only adds tries that
 *     fail while the producing feature is behind (at the benchmark's full speed, the documents feature by 10-30 s)
 */
@Validated
@ConfigurationProperties("pintu.workflow.relay")
public record OutboxRelayProperties(
        @DefaultValue("16") @Min(1) int threads,
        @DefaultValue("100000") @Min(1) int queueSize,
        @DefaultValue("5s") @NotNull Duration hold,
        @DefaultValue @Valid @NotNull Outside outside,
        @DefaultValue("100ms") @NotNull Duration deleteEvery,
        @DefaultValue("1m") @NotNull Duration outputWait) {

    public OutboxRelayProperties {
        if (deleteEvery != null && hold != null
                && (deleteEvery.isNegative() || deleteEvery.compareTo(hold.dividedBy(2)) >= 0)) {
            throw new IllegalArgumentException("pintu.workflow.relay.delete-every (" + deleteEvery
                    + ") must be at least 0 and below half of pintu.workflow.relay.hold (" + hold
                    + "): a routed event must be deleted before its hold ends, or it is routed again");
        }
    }

    /**
     * Event kinds whose route waits on a server outside the hub (the mail server, for {@code MAIL}) and may hang
     * there until its timeout when that server does. They have their own fast-path threads and their own poll
     * ({@code outbox-wakeup-outside}, {@code outbox-poll-outside}), so that a mail server that stops answering
     * holds up only the mails, never the transitions and case events that move the cases. An empty list routes
     * every kind on the same threads.
     *
     * @param kinds outbox event kinds as stored, e.g. {@code MAIL}
     * @param threads fast-path threads for them; as many as the shared threads had for them before, because 4 fell
     *     behind at the benchmark's pace (docs/benchmark.md, fifteenth session)
     */
    public record Outside(@DefaultValue("MAIL") @NotNull List<String> kinds, @DefaultValue("16") @Min(1) int threads) {

        public boolean includes(String kind) {
            return kinds.contains(kind);
        }
    }
}
