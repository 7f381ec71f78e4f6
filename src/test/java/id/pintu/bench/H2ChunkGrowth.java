package id.pintu.bench;

import id.pintu.ops.H2Housekeeping;
import id.pintu.ops.H2HousekeepingProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.springframework.util.unit.DataSize;

/**
 * How an H2 file written with {@code WRITE_DELAY=0} ages, with and without the hub's housekeeping
 * ({@link H2Housekeeping}, its default settings): one thread does what a transition does to the task and outbox
 * tables (complete a task and write an event; enter the next task and delete the event: two commits) as fast as it
 * can, and every {@code step} transitions the chunk count, the file size and the time per transition are printed.
 * {@code RETENTION_TIME=1000} stands in for a hub running for months at an office's pace, where H2's 45-second
 * retention window holds a handful of chunks; at this loop's pace the window alone would hold ~100,000.
 */
final class H2ChunkGrowth {

    record Row(int transitions, double msPerTransition, int chunks, long fileMb) {}

    private H2ChunkGrowth() {}

    static Row run(Path dir, boolean housekeeping, int transitions, int step) throws Exception {
        Files.createDirectories(dir);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=1000");
        H2HousekeepingProperties settings =
                new H2HousekeepingProperties(true, Duration.ofMillis(200), 80, DataSize.ofKilobytes(256),
                        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(1));
        H2Housekeeping compaction = new H2Housekeeping(ds, settings, new SimpleMeterRegistry());
        try (Connection c = ds.getConnection()) {
            MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                    .getMvStore();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE task (id VARCHAR(36) PRIMARY KEY, application_id VARCHAR(36), actor VARCHAR(40),"
                        + " status VARCHAR(16), entered_at TIMESTAMP, due_at TIMESTAMP, escalation_level INT,"
                        + " note VARCHAR(200))");
                s.execute("CREATE INDEX task_inbox ON task (actor, status, entered_at)");
                s.execute("CREATE INDEX task_application ON task (application_id, entered_at)");
                s.execute("CREATE INDEX task_escalation_scan ON task (status, escalation_level, due_at)");
                s.execute("CREATE TABLE outbox (id VARCHAR(36) PRIMARY KEY, payload VARCHAR(4000), available_at TIMESTAMP)");
                s.execute("CREATE INDEX outbox_available ON outbox (available_at)");
            }
            c.setAutoCommit(false);
            PreparedStatement enter = c.prepareStatement("INSERT INTO task VALUES"
                    + " (?, ?, ?, 'OPEN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, NULL)");
            PreparedStatement complete = c.prepareStatement("UPDATE task SET status = 'COMPLETED', note = ? WHERE id = ?");
            PreparedStatement emit = c.prepareStatement("INSERT INTO outbox VALUES (?, ?, CURRENT_TIMESTAMP)");
            PreparedStatement routed = c.prepareStatement("DELETE FROM outbox WHERE id = ?");
            String payload = "x".repeat(600);
            String previous = null;
            String caseId = UUID.randomUUID().toString();
            long start = System.nanoTime();
            long lastPass = start;
            long lastSync = start;
            Row row = null;
            for (int i = 1; i <= transitions; i++) {
                if (i % 16 == 0) {
                    caseId = UUID.randomUUID().toString();
                }
                String event = UUID.randomUUID().toString();
                if (previous != null) {
                    complete.setString(1, "selesai " + i);
                    complete.setString(2, previous);
                    complete.executeUpdate();
                }
                emit.setString(1, event);
                emit.setString(2, payload);
                emit.executeUpdate();
                c.commit();
                previous = UUID.randomUUID().toString();
                enter.setString(1, previous);
                enter.setString(2, caseId);
                enter.setString(3, "actor-" + (i % 8));
                enter.executeUpdate();
                routed.setString(1, event);
                routed.executeUpdate();
                c.commit();
                // As the hub's routes h2-sync and h2-housekeeping: since the twentieth session H2 drops superseded
                // chunks only right after a sync, so a compaction without the syncs frees nothing.
                if (housekeeping && System.nanoTime() - lastSync > settings.syncInterval().toNanos()) {
                    compaction.sync();
                    lastSync = System.nanoTime();
                }
                if (housekeeping && System.nanoTime() - lastPass > settings.interval().toNanos()) {
                    compaction.compact();
                    lastPass = System.nanoTime();
                }
                if (i % step == 0) {
                    long now = System.nanoTime();
                    int chunks = 0;
                    for (String key : store.getLayoutMap().keySet()) {
                        chunks += key.startsWith("chunk.") ? 1 : 0;
                    }
                    row = new Row(i, (now - start) / 1e6 / step, chunks, store.getFileStore().size() >> 20);
                    System.out.printf(Locale.ROOT, "[bench] H2 ageing, housekeeping %-3s %,9d transitions: %.3f ms per"
                            + " transition, %,d chunks, file %,d MB%n", housekeeping ? "on" : "off", row.transitions(),
                            row.msPerTransition(), row.chunks(), row.fileMb());
                    start = System.nanoTime();
                }
            }
            return row;
        }
    }
}
