package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail server that accepts connections and then never answers (the way a hung or firewalled server looks) holds
 * up the mails only. Each mail waits out the SMTP timeout on the relay threads of the outside kinds
 * ({@code pintu.workflow.relay.outside}); the transitions keep their own thread, so every next task is claimable
 * at once, and the mails stay in the outbox to be sent when the server answers again.
 * <p>
 * With one relay thread for every kind ({@code pintu.workflow.relay.outside.kinds} empty), the same walk waited
 * out the 4 s timeout behind the mails, step after step.
 */
@HubTest
class HangingMailServerHoldsUpNoCaseTest {

    private static final List<Socket> ACCEPTED = new CopyOnWriteArrayList<>();
    private static final ServerSocket SILENT = silentServer();

    @DynamicPropertySource
    static void hangingMailServer(DynamicPropertyRegistry r) {
        r.add("pintu.mail.embedded-server.enabled", () -> "false");
        r.add("pintu.mail.smtp.port", SILENT::getLocalPort);
        r.add("pintu.mail.smtp.timeout", () -> "4s");
        // Nothing to read here; the intake's poll would only log its failures.
        r.add("pintu.mail.imap.delay", () -> "1h");
        // One thread each, so that a single hanging mail would be enough to hold up the transitions behind it.
        r.add("pintu.workflow.relay.threads", () -> "1");
        r.add("pintu.workflow.relay.outside.threads", () -> "1");
    }

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyNextTaskIsClaimableWhileTheMailsWait() {
        List<Long> waits = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            String id = api.submit(Api.application(70 + c)).get("id").asText();
            JsonNode task = api.awaitTask(id, 2);
            for (int step = 2; step <= 8; step++) {
                String outcome = switch (step) {
                    case 2 -> "complete";
                    case 5 -> "verified";
                    case 8 -> "reject";
                    default -> null;
                };
                assertThat(api.complete(task.get("taskId").asText(), task.get("actor").asText(), outcome).status())
                        .as("step %d", step).isEqualTo(200);
                long completed = System.nanoTime();
                task = api.awaitTask(id, step + 1);
                waits.add((System.nanoTime() - completed) / 1_000_000);
            }
        }
        System.out.println("hanging mail server: next task claimable after (ms) " + waits);
        assertThat(ACCEPTED).as("the hub did try the hanging server").isNotEmpty();
        // Well under the SMTP timeout: no transition waited behind a mail.
        assertThat(waits).allSatisfy(ms -> assertThat(ms).isLessThan(2_500));

        // Nothing lost: the owed mails are still in the outbox, none recorded as sent.
        int owed = jdbc.sql("SELECT COUNT(*) FROM outbox WHERE kind = ?").param(MailOutbox.KIND)
                .query(Integer.class).single();
        int sent = jdbc.sql("SELECT COUNT(*) FROM mail_sent").query(Integer.class).single();
        assertThat(owed).isGreaterThanOrEqualTo(2);
        assertThat(sent).isZero();
    }

    private static ServerSocket silentServer() {
        try {
            ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!s.isClosed()) {
                    try {
                        ACCEPTED.add(s.accept()); // never greets, never reads, never closes
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-smtp");
            t.setDaemon(true);
            t.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void close() throws IOException {
        SILENT.close();
        for (Socket s : ACCEPTED) {
            s.close();
        }
    }
}
