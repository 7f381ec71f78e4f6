package id.pintu.workflow;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The relay's fast path: committed events are handed to this many threads, each routing one event at a time.
 * Every route ends in a persistent send that waits for the broker's journal sync (several milliseconds on an
 * ordinary disk); the broker syncs all sends waiting at that moment together, so more threads mean more events
 * per sync rather than more syncs (docs/benchmark.md). Routing stays once-only: each event is leased first.
 *
 * @param threads concurrent routing threads of the fast path
 * @param queueSize wake-ups waiting for a thread; beyond it a wake-up is dropped and the poll routes the event
 */
@Validated
@ConfigurationProperties("pintu.workflow.relay")
public record OutboxRelayProperties(
        @DefaultValue("4") @Min(1) int threads,
        @DefaultValue("100000") @Min(1) int queueSize) {}
