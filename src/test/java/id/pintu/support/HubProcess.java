package id.pintu.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged hub as a separate operating-system process, the way an office runs it, so that a test can kill it
 * with SIGKILL (no shutdown hook, no graceful stop) and start it again on the same data.
 */
public final class HubProcess implements AutoCloseable {

    private final Path jar;
    private final Path dataDir;
    private final Path logDir;
    private final int port;
    private final List<String> extraArgs;
    private Process process;
    private int starts;

    public HubProcess(Path dataDir, Path logDir, List<String> extraArgs) throws IOException {
        this.jar = Path.of(System.getProperty("pintu.hub.jar", "target/pintu-hub.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the hub jar " + jar + " is missing: run mvn package first");
        }
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.port = freePort();
        this.extraArgs = List.copyOf(extraArgs);
        Files.createDirectories(logDir);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void start() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--pintu.data-dir=" + dataDir.toAbsolutePath(),
                // The embedded mail server on free ports, so a hub under test never collides with another.
                "--pintu.mail.smtp.port=0",
                "--pintu.mail.imap.port=0"));
        cmd.addAll(extraArgs);
        starts++;
        process = new ProcessBuilder(cmd)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("hub-" + starts + ".log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see " + logDir);
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** SIGKILL: the process gets no chance to flush, commit or acknowledge anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
