package id.pintu.support;

import static org.awaitility.Awaitility.await;

import id.pintu.common.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    private final List<String> jvmArgs;
    private final List<String> extraArgs;
    private Process process;
    private int starts;

    /**
     * A small heap and a quick JIT (C1 only, one compiler thread): these hubs are started many times on a small CI
     * machine and each walks a few dozen cases, so a fast start-up counts for more than peak speed.
     */
    public static final List<String> SMALL_JVM = List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:CICompilerCount=1");

    public HubProcess(Path dataDir, Path logDir, List<String> extraArgs) throws IOException {
        this(dataDir, logDir, SMALL_JVM, extraArgs);
    }

    /**
     * @param jvmArgs options of the hub's JVM (heap, start-up speed)
     * @param extraArgs the hub's own command-line properties ({@code --name=value})
     */
    public HubProcess(Path dataDir, Path logDir, List<String> jvmArgs, List<String> extraArgs) throws IOException {
        this.jar = extracted(Path.of(System.getProperty("pintu.hub.jar", "target/pintu-hub.jar")));
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.port = freePort();
        this.jvmArgs = List.copyOf(jvmArgs);
        this.extraArgs = List.copyOf(extraArgs);
        Files.createDirectories(logDir);
    }

    /**
     * The packaged jar unpacked once into {@code hub-extracted/} next to it (Spring Boot's extracted layout, as the
     * Docker image runs it), with a class-data-sharing archive of the classes a start-up loads (one training run that
     * stops right after the application context is refreshed). The same classes and config, but loaded from plain
     * jars and mapped from the archive instead of read from jars nested in the uber jar and verified anew: with these
     * JVM options start-up to readiness drops from 17-19 s to 8-9 s on two cores (a restart on the same data; 13-15 s
     * to 10-11 s on fresh data, migrations included), and these tests start hubs some thirty times. Without the archive (the training run failed) the hubs start from the extracted jars alone, and
     * {@code CdsArchiveIT} fails.
     *
     * <p>The integration tests run in two JVMs at once (failsafe's {@code forkCount}), so the first hub of each may
     * get here together: a lock on a file next to the jar lets one extract and train while the other waits, and
     * then finds the stamp and takes the same folder.
     */
    private static synchronized Path extracted(Path jar) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the hub jar " + jar + " is missing: run mvn package first");
        }
        Path lockFile = jar.toAbsolutePath().resolveSibling("hub-extracted.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            return extractedLocked(jar);
        }
    }

    private static Path extractedLocked(Path jar) throws IOException {
        Path dir = jar.toAbsolutePath().resolveSibling("hub-extracted");
        Path app = dir.resolve(jar.getFileName());
        Path stamp = dir.resolve("extracted-from");
        String source = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        if (Files.exists(app) && Files.exists(stamp) && Files.readString(stamp).equals(source)) {
            return app;
        }
        deleteTree(dir);
        run(dir.getParent(), dir.resolveSibling("hub-extract.log"), List.of(
                "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
                "extract", "--destination", dir.toString(), "--force"));
        Path training = Files.createTempDirectory("pintu-cds-training-");
        List<String> train = new ArrayList<>(SMALL_JVM);
        train.addAll(List.of("-XX:ArchiveClassesAtExit=" + dir.resolve(ARCHIVE),
                // A crash of the dump (see CdsArchiveIT) leaves its report next to the training log, not in the clone.
                "-XX:ErrorFile=" + dir.resolveSibling("hub-cds-training-hs_err_pid%p.log"),
                "-Dspring.context.exit=onRefresh",
                "-jar", app.toString(), "--server.port=0", "--pintu.data-dir=" + training,
                "--pintu.mail.smtp.port=0", "--pintu.mail.imap.port=0"));
        try {
            run(Path.of("").toAbsolutePath(), dir.resolveSibling("hub-cds-training.log"), train);
        } catch (IllegalStateException e) {
            Files.deleteIfExists(dir.resolve(ARCHIVE));
        } finally {
            deleteTree(training);
        }
        Files.writeString(stamp, source);
        return app;
    }

    private static final String ARCHIVE = "hub.jsa";

    /** The class-data-sharing archive the training run made next to the extracted jar (absent if it failed). */
    public Path archive() {
        return jar.resolveSibling(ARCHIVE);
    }

    /** The training run's output: why there is no archive, when there is none. */
    public Path archiveTrainingLog() {
        return jar.getParent().resolveSibling("hub-cds-training.log");
    }

    /** The output of the {@code n}-th start of this hub (from 1). */
    public Path log(int start) {
        return logDir.resolve("hub-" + start + ".log");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void run(Path workDir, Path log, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd + "; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exit " + p.exitValue() + ": " + cmd + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
    }

    /** A port free now, below the OS's range for outgoing connections ({@link FreePorts}). */
    public static int freePort() {
        return FreePorts.belowEphemeralRange();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void start() throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        if (Files.exists(archive())) {
            cmd.add("-XX:SharedArchiveFile=" + archive());
        }
        cmd.addAll(List.of(
                "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--pintu.data-dir=" + dataDir.toAbsolutePath(),
                // The embedded mail server on free ports, so a hub under test never collides with another; chosen
                // here, outside the OS's range for outgoing connections (see freePort), not with 0.
                "--pintu.mail.smtp.port=" + freePort(),
                "--pintu.mail.imap.port=" + freePort()));
        cmd.addAll(extraArgs);
        starts++;
        process = new ProcessBuilder(cmd)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log(starts).toFile())
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

    public int starts() {
        return starts;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
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
