package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail server that takes longer to accept a mail than the outbox holds its event (a server scanning content before
 * its final "250", or throttling) gets each mail once: the relay that sends it holds the event for the send, so no
 * other relay (the poll, after the hold) takes it and sends it a second time.
 */
@HubTest
class SlowMailServerGetsEachMailOnceTest {

    /** Longer than the outbox's hold (pintu.workflow.relay.hold, 5 s by default), within the SMTP timeout. */
    static final Duration ANSWER_AFTER = Duration.ofSeconds(7);
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final ScheduledExecutorService LATER = Executors.newScheduledThreadPool(4);
    static final ServerSocket SLOW = slowServer();

    @DynamicPropertySource
    static void slowMailServer(DynamicPropertyRegistry r) {
        r.add("pintu.mail.embedded-server.enabled", () -> "false");
        r.add("pintu.mail.smtp.port", SLOW::getLocalPort);
        r.add("pintu.mail.smtp.timeout", () -> "15s");
        r.add("pintu.mail.imap.delay", () -> "1h");
    }

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theReceiptIsSentOnceThoughTheServerIsSlow() {
        String id = api.submit(Api.application(81)).get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM mail_sent"
                + " WHERE application_id = ?").param(id).query(Long.class).single() > 0);
        String messageId = jdbc.sql("SELECT message_id FROM mail_sent WHERE application_id = ?").param(id)
                .query(String.class).list().get(0);
        // Once recorded, the event is gone; a second send would have begun when the hold ended, well before this
        assertThat(RECEIVED).filteredOn(m -> m.contains(messageId)).hasSize(1);
    }

    /** Speaks just enough SMTP; answers the end of each mail's data only after {@link #ANSWER_AFTER}. */
    private static ServerSocket slowServer() {
        try {
            ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!s.isClosed()) {
                    try {
                        Socket c = s.accept();
                        Thread conversation = new Thread(() -> converse(c), "slow-smtp-conversation");
                        conversation.setDaemon(true);
                        conversation.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "slow-smtp");
            t.setDaemon(true);
            t.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void converse(Socket c) {
        try (c; BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = c.getOutputStream()) {
            say(out, "220 slow.local ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    say(out, "250 slow.local");
                } else if (command.startsWith("DATA")) {
                    say(out, "354 go ahead");
                    StringBuilder mail = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        mail.append(line).append('\n');
                    }
                    RECEIVED.add(mail.toString());
                    LATER.schedule(() -> say(out, "250 queued"), ANSWER_AFTER.toMillis(), TimeUnit.MILLISECONDS)
                            .get();
                } else if (command.startsWith("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "250 ok");
                }
            }
        } catch (Exception e) {
            // the hub closed the connection
        }
    }

    private static Void say(OutputStream out, String reply) {
        try {
            out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    @AfterAll
    static void close() throws IOException {
        SLOW.close();
        LATER.shutdownNow();
    }
}
