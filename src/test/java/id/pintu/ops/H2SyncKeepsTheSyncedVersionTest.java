package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * With a short retention time, H2 would reuse the space of a chunk as soon as later commits superseded its pages,
 * possibly before the operating system wrote those later commits: after a power loss the file could then hold no
 * whole version. H2 drops no chunk by itself between the housekeeping's passes, and the sync pass drops only the
 * chunks that no version from the one it forced to disk on needs: a chunk that version needs stays until the next
 * sync, which drops it.
 */
class H2SyncKeepsTheSyncedVersionTest {

    /** Retention 0: nothing but the sync keeps a superseded chunk. */
    private static final H2HousekeepingProperties SETTINGS = new H2HousekeepingProperties(true,
            Duration.ofMillis(200), 80, DataSize.ofKilobytes(256), Duration.ofSeconds(1), Duration.ZERO,
            Duration.ofMinutes(1));

    @TempDir
    Path dir;

    @Test
    void aChunkTheSyncedVersionNeedsStaysUntilTheNextSync() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0");
        try (Connection open = ds.getConnection()) {
            MVStore store = H2Housekeeping.store(open).orElseThrow();
            try (Statement s = open.createStatement()) {
                s.execute("CREATE TABLE item (id INT PRIMARY KEY, v VARCHAR(100))");
                s.execute("INSERT INTO item VALUES (1, 'a')");
            }
            H2Housekeeping housekeeping = new H2Housekeeping(ds, SETTINGS, new SimpleMeterRegistry());
            try (PreparedStatement update = open.prepareStatement("UPDATE item SET v = ? WHERE id = 1")) {
                int[] commits = {0};
                Runnable commit = () -> {
                    try {
                        update.setString(1, "v" + commits[0]++);
                        update.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
                for (int i = 0; i < 20; i++) {
                    commit.run();
                }
                H2Housekeeping.Synced first = housekeeping.sync().orElseThrow();
                commit.run();
                // The chunk of the synced version: the next commits replace every page in it.
                String synced = chunkOfVersion(store, first.version());

                for (int i = 0; i < 200; i++) {
                    commit.run();
                }
                assertThat(store.getLayoutMap().get(synced))
                        .as("%s, needed by the synced version %d, 200 commits later", synced, first.version())
                        .isNotNull().contains("livePages:0");

                // A compaction pass in between drops none that the synced version needs.
                housekeeping.compact();
                assertThat(store.getLayoutMap()).as("%s after a compaction pass", synced).containsKey(synced);

                H2Housekeeping.Synced second = housekeeping.sync().orElseThrow();
                assertThat(second.version()).isGreaterThan(first.version());
                assertThat(store.getLayoutMap()).as("%s after the next sync", synced).doesNotContainKey(synced);
            }
        }
    }

    @Test
    void aChunkTheSyncLeftBecauseItWasYoungIsDroppedByALaterCompactionPass() throws Exception {
        H2HousekeepingProperties settings = new H2HousekeepingProperties(true, Duration.ofMillis(200), 80,
                DataSize.ofKilobytes(256), Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMinutes(1));
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("young") + ";WRITE_DELAY=0");
        try (Connection open = ds.getConnection(); Statement s = open.createStatement()) {
            MVStore store = H2Housekeeping.store(open).orElseThrow();
            s.execute("CREATE TABLE item (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO item VALUES (1, 0)");
            H2Housekeeping housekeeping = new H2Housekeeping(ds, settings, new SimpleMeterRegistry());
            housekeeping.sync();
            s.executeUpdate("UPDATE item SET v = 1 WHERE id = 1");
            String young = newestChunk(store);
            for (int i = 2; i <= 4; i++) {
                s.executeUpdate("UPDATE item SET v = " + i + " WHERE id = 1");
            }
            H2Housekeeping.Synced synced = housekeeping.sync().orElseThrow();
            assertThat(store.getLayoutMap()).as("%s, no longer needed but younger than the retention time", young)
                    .containsKey(young);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                housekeeping.compact();
                return !store.getLayoutMap().containsKey(young);
            });
            assertThat(housekeeping.lastSync()).as("no sync in between").contains(synced);
        }
    }

    @Test
    void anInMemoryDatabaseHasNothingToSync() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:sync-" + System.nanoTime());
        try (Connection open = ds.getConnection()) {
            H2Housekeeping housekeeping = new H2Housekeeping(ds, SETTINGS, new SimpleMeterRegistry());
            assertThat(housekeeping.sync()).isEqualTo(Optional.empty());
        }
    }

    /** The layout key of the chunk written last (H2 numbers its chunks upwards, in hexadecimal). */
    private static String newestChunk(MVStore store) {
        return store.getLayoutMap().keySet().stream().filter(k -> k.startsWith("chunk."))
                .max(java.util.Comparator.comparingLong(k -> Long.parseLong(k.substring("chunk.".length()), 16)))
                .orElseThrow();
    }

    /** The layout key of the chunk written for a store version (H2 lists its chunks as "chunk.&lt;id&gt;"). */
    private static String chunkOfVersion(MVStore store, long version) {
        String attribute = ",version:" + Long.toHexString(version) + ",";
        return store.getLayoutMap().entrySet().stream()
                .filter(e -> e.getKey().startsWith("chunk.") && e.getValue().contains(attribute))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }
}
