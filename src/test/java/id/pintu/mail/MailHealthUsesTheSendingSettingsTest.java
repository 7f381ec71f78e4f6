package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The mail health check connects with the settings sending uses: a server without STARTTLS, where the office
 * requires it (pintu.mail.smtp.starttls=required, the prod default for a submission server), is DOWN, named; the
 * same server with STARTTLS off is UP. A bare connection said UP while every mail was refused.
 */
class MailHealthUsesTheSendingSettingsTest {

    GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(),
                ServerSetupTest.IMAP.dynamicPort()});
        server.start();
        server.setUser("permohonan@pintu.local", "permohonan@pintu.local", "rahasia");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void starttlsRequiredOfAServerWithoutItIsDown() {
        Health required = health("required");
        assertThat(required.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(((Map<?, ?>) required.getDetails().get("smtp")).get("status"))).isEqualTo("DOWN");
        assertThat(health("off").getStatus()).isEqualTo(Status.UP);
    }

    private Health health(String starttls) {
        MailProperties p = new Binder(new MapConfigurationPropertySource(Map.of(
                "pintu.mail.smtp.port", String.valueOf(server.getSmtp().getPort()),
                "pintu.mail.smtp.starttls", starttls,
                "pintu.mail.imap.port", String.valueOf(server.getImap().getPort()),
                "pintu.mail.imap.password", "rahasia")))
                .bindOrCreate("pintu.mail", MailProperties.class);
        return new MailHealthIndicator(p).health();
    }
}
