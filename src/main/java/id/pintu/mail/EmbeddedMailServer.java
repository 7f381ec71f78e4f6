package id.pintu.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The local mail server of the embedded default (GreenMail, mail in memory): SMTP and IMAP on the configured
 * ports. Authentication is off, so any address is a mailbox whose login is the address (any password works).
 * Started before Camel's routes, so the intake's first poll finds it.
 */
@Component
@ConditionalOnProperty(name = "pintu.mail.embedded-server.enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedMailServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final GreenMail greenMail;
    private final MailProperties properties;
    private volatile boolean running;

    public EmbeddedMailServer(MailProperties properties) {
        this.properties = properties;
        String host = properties.embeddedServer().host();
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(properties.smtp().port(), host, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(properties.imap().port(), host, ServerSetup.PROTOCOL_IMAP)});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    @Override
    public void start() {
        greenMail.start();
        greenMail.setUser(properties.officeAddress(), properties.officeAddress(), properties.officeAddress());
        running = true;
        LOG.info("Embedded mail server on {}: SMTP {}, IMAP {}; office mailbox {}", properties.embeddedServer().host(),
                properties.smtp().port(), properties.imap().port(), properties.officeAddress());
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Camel context (which starts at the default phase of SmartLifecycle beans' peers). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    public GreenMail greenMail() {
        return greenMail;
    }
}
