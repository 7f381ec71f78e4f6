package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pintu.support.HubProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * When another program holds one of the embedded mail server's ports, the start fails with a sentence naming the
 * ports and the settings, and the server that did start is stopped again: a hub whose start failed must end, not
 * stay up on a mail server thread with no web server (the crash battery once waited 3 minutes for such a hub).
 */
class EmbeddedMailServerPortTakenTest {

    @Test
    void aTakenPortFailsTheStartAndLeavesNothingListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int smtp = HubProcess.freePort();
            MailProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                    "pintu.mail.smtp.port", String.valueOf(smtp),
                    "pintu.mail.imap.port", String.valueOf(taken.getLocalPort()),
                    "pintu.mail.embedded-server.startup-timeout", "5s")))
                    .bindOrCreate("pintu.mail", MailProperties.class);
            EmbeddedMailServer server = new EmbeddedMailServer(properties, Clock.systemUTC());

            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SMTP " + smtp + ", IMAP " + taken.getLocalPort())
                    .hasMessageContaining("is another program using the port?");
            assertThat(server.isRunning()).isFalse();
            try (ServerSocket again = new ServerSocket(smtp, 50, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).as("the SMTP server that started was stopped").isEqualTo(smtp);
            }
        }
    }
}
