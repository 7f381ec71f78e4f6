package id.pintu.ops;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Compaction of the embedded H2 file while the hub runs. With {@code WRITE_DELAY=0} (every commit on disk before it
 * returns, which the crash guarantee needs) H2 starts no background writer, and its background writer is the only
 * thing that compacts: without this, every commit leaves a new chunk behind, the file fills with mostly dead chunks
 * and each commit rewrites more of the chunk list. Has no effect on PostgreSQL.
 *
 * <p>The same component also {@code fsync}s the file every {@code syncInterval}, and H2 drops a superseded chunk
 * only right after a sync, if no version from the synced one on needs it. Only then may H2 reuse its space after
 * {@code retention} instead of its default 45 s, which assumes that the operating system has written the file by
 * then.
 *
 * @param enabled whether the hub compacts the H2 file at all
 * @param interval how often a pass looks at the file
 * @param fillRate a pass rewrites only while the live share of the chunks (percent) is below this
 * @param write at most this much live data is rewritten per pass (bounds the time commits wait for it)
 * @param syncInterval how often the file is forced to disk; after a power loss the file opens at the state of the
 *     last sync or later
 * @param retention how old a chunk must be before H2 may drop it (at a sync, once the synced version no longer
 *     needs it) or rewrite it (at a compaction pass); the chunks of this window are what each commit's chunk list
 *     carries
 * @param syncStaleAfter the health component {@code h2File} turns DOWN when the last sync is older than this (the
 *     route {@code h2-sync} stopped or failing: a power loss would take every commit since, and the file grows)
 */
@Validated
@ConfigurationProperties("pintu.h2.housekeeping")
public record H2HousekeepingProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("200ms") Duration interval,
        @Min(1) @Max(99) @DefaultValue("80") int fillRate,
        @NotNull @DefaultValue("256KB") DataSize write,
        @NotNull @DefaultValue("1s") Duration syncInterval,
        @NotNull @DefaultValue("5s") Duration retention,
        @NotNull @DefaultValue("1m") Duration syncStaleAfter) {

    /** A sync more often than every 10 ms would only queue behind the disk. */
    @AssertTrue(message = "sync-interval must be at least 10ms")
    public boolean isSyncIntervalSensible() {
        return syncInterval == null || syncInterval.toMillis() >= 10;
    }
}
