package id.pintu.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The local mail server of the embedded default (GreenMail, mail in memory): SMTP and IMAP on the configured
 * ports. Authentication is off, so any address is a mailbox whose login is the address (any password works).
 * Started before Camel's routes, so the intake's first poll finds it. Messages older than
 * {@code pintu.mail.embedded-server.retention} are removed by the route {@code embedded-mail-retention}.
 */
@Component("embeddedMailServer")
@ConditionalOnProperty(name = "pintu.mail.embedded-server.enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedMailServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final GreenMail greenMail;
    private final MailProperties properties;
    private final Clock clock;
    private volatile boolean running;

    public EmbeddedMailServer(MailProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        String host = properties.embeddedServer().host();
        ServerSetup smtp = new ServerSetup(properties.smtp().port(), host, ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(properties.imap().port(), host, ServerSetup.PROTOCOL_IMAP);
        for (ServerSetup s : List.of(smtp, imap)) {
            s.setServerStartupTimeout(properties.embeddedServer().startupTimeout().toMillis());
        }
        this.greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    /**
     * Starts both servers, or neither: when one cannot listen (its port taken), what did start is stopped before the
     * failure goes up, so the hub's failed start ends the process instead of leaving it running on the other server's
     * thread without a web server (a service manager then sees the exit and can restart it).
     */
    @Override
    public void start() {
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException("The embedded mail server cannot listen on "
                    + properties.embeddedServer().host() + " (SMTP " + properties.smtp().port() + ", IMAP "
                    + properties.imap().port() + "): is another program using the port? Change pintu.mail.smtp.port"
                    + " / pintu.mail.imap.port. " + e.getMessage(), e);
        }
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

    /**
     * Removes the messages received before now minus {@code pintu.mail.embedded-server.retention} from every mailbox,
     * so that a hub that runs on the embedded server for long does not hold all its mail in the heap. Returns how
     * many were removed; with a retention of 0 nothing is.
     */
    public int purgeExpired() throws FolderException {
        Duration retention = properties.embeddedServer().retention();
        if (retention.isZero() || !running) {
            return 0;
        }
        return purgeReceivedBefore(clock.instant().minus(retention));
    }

    int purgeReceivedBefore(Instant cutoff) throws FolderException {
        ImapHostManager imap = greenMail.getManagers().getImapHostManager();
        Flags deleted = new Flags(Flags.Flag.DELETED);
        int removed = 0;
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            for (MailFolder folder : imap.listMailboxes(user, "*")) {
                int before = removed;
                for (StoredMessage m : folder.getMessages()) {
                    if (m.getReceivedDate().toInstant().isBefore(cutoff)) {
                        folder.setFlags(deleted, true, m.getUid(), null, true);
                        removed++;
                    }
                }
                if (removed > before) {
                    folder.expunge();
                }
            }
        }
        if (removed > 0) {
            LOG.info("Embedded mail server: removed {} message(s) received before {}", removed, cutoff);
        }
        return removed;
    }
}
