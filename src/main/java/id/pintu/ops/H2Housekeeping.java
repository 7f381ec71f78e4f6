package id.pintu.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Does for the embedded H2 file what H2's own background writer does when a write delay is set, and which nothing
 * does with {@code WRITE_DELAY=0}: rewrites the live pages of chunks that are mostly dead, so that their chunks can
 * be dropped. Without it the file keeps every chunk that still holds one live page (the benchmark's database after
 * its history phase: 12,492 chunks, 28 % live, 2.7 GB), and commits grow dearer with the chunk count, because each
 * rewrites the entries of the chunk list it touches (docs/benchmark.md, optimisation 7).
 *
 * <p>A pass runs under H2's store lock, as H2's own housekeeping does: commits wait for it, and
 * {@link H2HousekeepingProperties#write()} bounds how long. Pages move between chunks; no row changes.
 *
 * <p>It also forces the file to disk now and then ({@link #sync()}), which H2 itself never does while it runs. A
 * commit is in the operating system's cache when it returns, which a process crash does not touch; a power loss
 * can take whatever the system had not written yet. H2 may reuse the space of a chunk that no live page needs any
 * more once the chunk is older than its retention time, and assumes the system wrote the chunks that superseded it
 * by then (45 s by default). Here H2 reuses no space on its own: between the passes its retention time is "never".
 * Right after each sync, and in each compaction pass, under H2's store lock, it may drop the chunks that no version
 * from the last synced one on needs (and, in a compaction pass, rewrite old chunks) with the configured retention;
 * so after a power loss the file still holds the last synced version whole, whatever the system wrote since, and
 * the retention time can be short, which keeps the chunk list (rewritten in part by every commit) a fraction of its
 * length at a busy hub's pace.
 *
 * <p>Until the twentieth session each sync pinned its version ({@code MVStore.registerVersionUsage}) until the next
 * one. That kept the same chunks, but also every map's in-memory roots of every version since, which each commit
 * walked for each of the store's ~140 maps: a tenth of the hub's CPU at its maximum rate (docs/benchmark.md).
 */
@Component("h2Housekeeping")
@EnableConfigurationProperties(H2HousekeepingProperties.class)
public class H2Housekeeping {

    /** What one pass did: whether it rewrote live pages (not if the chunks were full enough or none was old enough). */
    public record Pass(boolean rewritten) {}

    /** The file now: its chunks (each commit writes one; compaction merges them) and its size. */
    public record FileState(int chunks, long bytes) {}

    /**
     * What one sync did: the store version it made durable (the file holds it whole from then on, or a later one),
     * and when (its duration goes to the metrics).
     */
    public record Synced(long version, Instant at) {}

    /** H2's retention time between the passes: it reuses no chunk's space and rewrites no chunk by itself. */
    static final int NEVER = Integer.MAX_VALUE;

    /** The last completed sync, and the store it was taken from. */
    private record Durable(MVStore store, Synced synced) {}

    private final DataSource dataSource;
    private final H2HousekeepingProperties properties;
    private final boolean h2File;
    private final Timer syncs;
    private volatile Durable durable;

    public H2Housekeeping(DataSource dataSource, H2HousekeepingProperties properties, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.h2File = isH2File(dataSource);
        this.syncs = h2File ? Timer.builder("pintu.h2.sync").description("fsync of the embedded H2 file (route h2-sync)")
                .register(meters) : null;
        if (h2File) {
            // Read when scraped (counting the chunks walks the store's chunk list; a pass does not need it).
            Gauge.builder("pintu.h2.chunks", this, h -> h.stateOrEmpty().map(FileState::chunks).orElse(-1).doubleValue())
                    .description("Chunks in the embedded H2 file").register(meters);
            Gauge.builder("pintu.h2.file.size", this, h -> h.stateOrEmpty().map(FileState::bytes).orElse(-1L).doubleValue())
                    .description("Size of the embedded H2 file").baseUnit("bytes").register(meters);
        }
    }

    /** Whether the hub's database is an H2 file, i.e. whether there is anything to compact (looked up once). */
    public boolean applies() {
        return h2File;
    }

    private static boolean isH2File(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return store(c).isPresent();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The live share of the H2 file's chunks now, in percent; empty if the database is not an H2 file. */
    public OptionalInt chunksFillRate() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return store(c).map(s -> OptionalInt.of(s.getFileStore().getChunksFillRate())).orElse(OptionalInt.empty());
        }
    }

    /** The H2 file's chunks and size; empty if the database is not an H2 file. */
    public Optional<FileState> state() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return store(c).map(s -> {
                int chunks = 0;
                for (String key : s.getLayoutMap().keySet()) {
                    chunks += key.startsWith("chunk.") ? 1 : 0;
                }
                return new FileState(chunks, s.getFileStore().size());
            });
        }
    }

    private Optional<FileState> stateOrEmpty() {
        try {
            return state();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * One pass: drops the chunks that no version from the last synced one on needs and that the sync left because
     * they were too young, then rewrites up to the configured amount of live data while the chunks are below the
     * fill rate. Before the first sync it drops nothing.
     */
    public Optional<Pass> compact() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Optional<MVStore> found = store(c);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            MVStore store = found.get();
            Durable synced = durable;
            long keepFrom = synced != null && synced.store() == store ? synced.synced().version() - 1 : Long.MIN_VALUE;
            boolean[] rewritten = {false};
            inPass(store, keepFrom, () -> {
                // What the last sync left because it was younger than the retention time, and only what no version
                // from the synced one on needs: the fill rate below then counts no chunk that is only waiting.
                if (keepFrom != Long.MIN_VALUE) {
                    store.getFileStore().dropUnusedChunks();
                }
                // Old chunks' live pages are copied into a new chunk; the chunks emptied so become droppable once a
                // later sync has made that chunk durable. H2 computes the chunks' fill rate itself and rewrites only
                // below the target; that walk visits every chunk, so it is not done twice.
                rewritten[0] = store.compact(properties.fillRate(), (int) properties.write().toBytes());
            });
            if (rewritten[0]) {
                // The moved pages are in memory until the store writes a chunk; a busy hub's next commit would,
                // an idle one's might not come for hours (H2's background writer does the same at its next turn).
                store.tryCommit();
            }
            return Optional.of(new Pass(rewritten[0]));
        }
    }

    /**
     * One sync: notes the store's current version, forces the file to disk, then lets H2 drop the chunks that no
     * version from that one on needs. Every chunk written before the {@code fsync} began is on disk, so that version
     * is whole on disk, and no chunk it needs is dropped until a later sync has made a newer version durable.
     */
    public synchronized Optional<Synced> sync() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Optional<MVStore> found = store(c);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            MVStore store = found.get();
            long version = store.getCurrentVersion();
            long started = System.nanoTime();
            store.sync();
            syncs.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            // One version more than needed is kept: a commit storing while the version was read may not be whole in
            // the file yet, the one before it is.
            inPass(store, version - 1, () -> store.getFileStore().dropUnusedChunks());
            Synced synced = new Synced(version, Instant.now());
            durable = new Durable(store, synced);
            return Optional.of(synced);
        }
    }

    /**
     * Runs {@code work} under H2's store lock (no commit in between) with the configured retention time and with
     * every version from {@code keepFrom} on kept ({@link Long#MIN_VALUE}: every version, i.e. no chunk dropped;
     * before the first sync);
     * H2's retention is "never" again afterwards. H2 drops a dead chunk only if it is older than the retention
     * time and became unused before the oldest version to keep, which it computes as the lowest version still read
     * and the current version less the versions to keep.
     */
    private void inPass(MVStore store, long keepFrom, Runnable work) {
        int retention = (int) Math.min(NEVER - 1L, properties.retention().toMillis());
        store.executeFilestoreOperation(() -> {
            int versionsToKeep = (int) store.getVersionsToKeep();
            long back = keepFrom == Long.MIN_VALUE ? Integer.MAX_VALUE : store.getCurrentVersion() - keepFrom;
            store.setVersionsToKeep((int) Math.max(versionsToKeep, Math.min(Integer.MAX_VALUE, back)));
            store.setRetentionTime(retention);
            try {
                work.run();
            } finally {
                store.setRetentionTime(NEVER);
                store.setVersionsToKeep(versionsToKeep);
            }
        });
    }

    /** The last completed sync since the hub started, if any. */
    public Optional<Synced> lastSync() {
        return Optional.ofNullable(durable).map(Durable::synced);
    }

    /** The MVStore of an H2 file database behind {@code c}; empty for any other database. */
    static Optional<MVStore> store(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        if (!session.getDatabase().isPersistent() || session.getDatabase().getStore() == null) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.isClosed() ? Optional.empty() : Optional.of(store);
    }
}
