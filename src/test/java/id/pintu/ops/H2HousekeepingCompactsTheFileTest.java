package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * An H2 file written with {@code WRITE_DELAY=0}, one small commit after another, is left with chunks that hold
 * mostly dead pages (H2 compacts only from a background writer, which that setting does not start). The
 * housekeeping passes bring the live share of the chunks back above the configured fill rate, a bounded amount per
 * pass, and no row changes. On a database that is not an H2 file a pass does nothing.
 */
class H2HousekeepingCompactsTheFileTest {

    private static final H2HousekeepingProperties SETTINGS =
            new H2HousekeepingProperties(true, Duration.ofMillis(200), 80, DataSize.ofKilobytes(256),
                    Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMinutes(1));

    @TempDir
    Path dir;

    @Test
    void passesRaiseTheFillRateAndKeepEveryRow() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0");
        // The database stays open while one connection is (closing it would compact it).
        try (Connection open = ds.getConnection()) {
            long checksum = fragment(open);
            H2Housekeeping housekeeping = new H2Housekeeping(ds, SETTINGS, new SimpleMeterRegistry());
            int before = housekeeping.chunksFillRate().orElseThrow();
            H2Housekeeping.FileState fragmented = housekeeping.state().orElseThrow();
            assertThat(before).as("fill rate after 3,000 one-row commits").isLessThan(SETTINGS.fillRate());

            // H2 rewrites a chunk only once it is older than the retention time (100 ms here, 5 s in the hub), and
            // drops the chunks the rewrite emptied at the next sync, as the hub's two routes do.
            AtomicBoolean rewritten = new AtomicBoolean();
            // Bounded generously: on a loaded 2-core machine (a benchmark alongside) 30 s once ran out (thirteenth session).
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
                rewritten.compareAndSet(false, housekeeping.compact().orElseThrow().rewritten());
                housekeeping.sync();
                return housekeeping.chunksFillRate().orElseThrow() >= SETTINGS.fillRate();
            });

            assertThat(rewritten).as("a pass rewrote chunks (fill rate was %d)", before).isTrue();
            H2Housekeeping.FileState compacted = housekeeping.state().orElseThrow();
            assertThat(compacted.chunks()).as("chunks, %d before", fragmented.chunks())
                    .isLessThan(fragmented.chunks() / 10);
            assertThat(checksum(open)).isEqualTo(checksum);
            H2Housekeeping.Pass idle = housekeeping.compact().orElseThrow();
            assertThat(idle.rewritten()).as("nothing to do above the fill rate").isFalse();
        }
    }

    @Test
    void anInMemoryDatabaseHasNothingToCompact() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:housekeeping-" + System.nanoTime());
        try (Connection open = ds.getConnection()) {
            H2Housekeeping housekeeping = new H2Housekeeping(ds, SETTINGS, new SimpleMeterRegistry());
            assertThat(housekeeping.applies()).isFalse();
            assertThat(housekeeping.compact()).isEqualTo(Optional.empty());
        }
    }

    /** 2,000 rows, then 3,000 updates of one row each in its own commit; returns the table's checksum. */
    private static long fragment(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id INT PRIMARY KEY, v VARCHAR(200))");
            s.execute("INSERT INTO item SELECT x, REPEAT('a', 150) FROM SYSTEM_RANGE(1, 2000)");
        }
        Random random = new Random(42);
        try (PreparedStatement update = c.prepareStatement("UPDATE item SET v = ? WHERE id = ?")) {
            for (int i = 0; i < 3000; i++) {
                update.setString(1, "b".repeat(100 + random.nextInt(50)) + i);
                update.setInt(2, 1 + random.nextInt(2000));
                update.executeUpdate();
            }
        }
        return checksum(c);
    }

    private static long checksum(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SUM(CAST(ORA_HASH(v) AS BIGINT) + id), COUNT(*) FROM item")) {
            rs.next();
            return rs.getLong(1) * 31 + rs.getLong(2);
        }
    }
}
