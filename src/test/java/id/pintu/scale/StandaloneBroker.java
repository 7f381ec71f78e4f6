package id.pintu.scale;

import static org.awaitility.Awaitility.await;

import id.pintu.support.HubProcess;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A standalone Apache Artemis broker, as an office runs it next to the hubs: the distribution unpacked from Maven
 * Central by the build ({@code target/artemis}, see pom.xml), an instance created with {@code artemis create} in a
 * temporary directory outside the checkout, its broker.xml replaced by docker/artemis/broker-pintu.xml as the
 * production image does, run as its own process so that it can be stopped, killed and restarted.
 */
public final class StandaloneBroker implements AutoCloseable {

    public static final String USER = "pintu";
    public static final String PASSWORD = "pintu";

    /** The production stack's broker.xml, which the image's start script copies whole over the created one. */
    static final Path DOCKER_BROKER_XML = Path.of("docker/artemis/broker-pintu.xml");

    private final Path instance;
    private final Path logDir;
    private final int port;
    private Process process;
    private int starts;

    private StandaloneBroker(Path instance, Path logDir, int port) {
        this.instance = instance;
        this.logDir = logDir;
        this.port = port;
    }

    /** Creates a fresh broker instance on a free port (not started). */
    public static StandaloneBroker create(Path logDir) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("pintu.artemis.home", "target/artemis/apache-artemis-2.40.0"));
        if (!Files.isExecutable(home.resolve("bin/artemis"))) {
            throw new IllegalStateException("no Artemis distribution at " + home + ": run mvn verify (pre-integration-test"
                    + " unpacks org.apache.activemq:apache-artemis:bin:tar.gz)");
        }
        Files.createDirectories(logDir);
        Path instance = Files.createTempDirectory("pintu-artemis-").resolve("broker");
        int port = HubProcess.freePort();
        ProcessBuilder createCommand = new ProcessBuilder(home.toAbsolutePath().resolve("bin/artemis").toString(), "create",
                instance.toString(), "--user", USER, "--password", PASSWORD, "--require-login", "--silent",
                "--no-web", "--no-autotune", "--nio", "--name", "pintu-broker", "--default-port", String.valueOf(port),
                "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor")
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("artemis-create.log").toFile());
        createCommand.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process create = createCommand.start();
        if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
            create.destroyForcibly();
            throw new IllegalStateException("artemis create failed; see " + logDir.resolve("artemis-create.log"));
        }
        // As the image's docker-run.sh does with etc-override/broker.xml: the shipped file replaces the created one
        // (only its port is this test's), so the tests run on the production broker's configuration.
        String xml = Files.readString(DOCKER_BROKER_XML, StandardCharsets.UTF_8);
        if (!xml.contains("tcp://0.0.0.0:61616?")) {
            throw new IllegalStateException("no acceptor on port 61616 in " + DOCKER_BROKER_XML);
        }
        Files.writeString(instance.resolve("etc/broker.xml"), xml.replace("tcp://0.0.0.0:61616?",
                "tcp://127.0.0.1:" + port + "?"), StandardCharsets.UTF_8);
        return new StandaloneBroker(instance, logDir, port);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The hub's command-line options that point it at this broker instead of its embedded one. */
    public List<String> hubArgs() {
        return List.of("--spring.artemis.mode=native", "--spring.artemis.broker-url=" + url(),
                "--spring.artemis.user=" + USER, "--spring.artemis.password=" + PASSWORD,
                "--spring.artemis.embedded.enabled=false");
    }

    public void start() throws IOException {
        starts++;
        ProcessBuilder pb = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("artemis-" + starts + ".log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_ARGS", "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
                + " --add-opens java.base/jdk.internal.misc=ALL-UNNAMED");
        process = pb.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see " + logDir);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** A clean stop (SIGTERM: the broker's shutdown hook closes the journal). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    public ActiveMQConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(url() + "?reconnectAttempts=0", USER, PASSWORD);
    }

    /** Messages waiting on a queue, by browsing it (0 when the queue does not exist). */
    public int depth(String queue) throws JMSException {
        return browse(queue).size();
    }

    public List<Message> browse(String queue) throws JMSException {
        try (ActiveMQConnectionFactory cf = connectionFactory(); Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(queue);
            List<Message> out = new ArrayList<>();
            try (QueueBrowser b = s.createBrowser(q)) {
                for (Enumeration<?> e = b.getEnumeration(); e.hasMoreElements(); ) {
                    out.add((Message) e.nextElement());
                }
            }
            return out;
        }
    }

    /** Sends a text message to a queue, persistent, as a misbehaving producer would. */
    public void send(String queue, String text) throws JMSException {
        try (ActiveMQConnectionFactory cf = connectionFactory(); Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage(text));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
