package id.pintu.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing and incoming mail. The defaults point at the embedded GreenMail server (SMTP 3025, IMAP 3143 on
 * 127.0.0.1); production sets {@code embedded-server.enabled=false} and the real servers' host, port and login.
 * A port of 0 means "any free port" (tests), chosen once at start-up by {@link MailPortsPostProcessor}.
 *
 * @param officeAddress the office mailbox: applications arrive there and every mail to the applicant is sent from it
 * @param officeName the signature of every mail
 * @param publicBaseUrl where applicants open the hub (tracking link {@code /lacak?kode=..&token=..}); staff too
 *     (the supervisor's breach mail links to {@code /permohonan/{id}})
 * @param rulesDirectory per-SOP rules: which case event sends which template
 * @param templatesDirectory the templates, one file per template, editable by the office
 * @param eventsSubscription the durable JMS subscription name of the status-mail listener
 * @param eventsConsumers threads reading that subscription (each takes its own batches; a mail owed is keyed by its
 *     template and event, so the order in which events are handled does not matter)
 * @param health the health check of the SMTP and IMAP servers ({@code /actuator/health}, component {@code mail})
 * @param attachmentWait how long a mail owed before the document it attaches exists waits for it: the document's
 *     arrival sends it at once; only a document that does not come (its feature stopped, a crash between its commit
 *     and the wake-up) leaves the mail to be tried, with the outbox's back-off, after this
 */
@Validated
@ConfigurationProperties("pintu.mail")
public record MailProperties(
        @DefaultValue("permohonan@pintu.local") @NotBlank @Email String officeAddress,
        @DefaultValue("DPMPTSP Kabupaten Dairi") @NotBlank String officeName,
        @DefaultValue("http://127.0.0.1:8080") @NotBlank String publicBaseUrl,
        @DefaultValue("config/mail") @NotBlank String rulesDirectory,
        @DefaultValue("config/mail/templates") @NotBlank String templatesDirectory,
        @DefaultValue("pintu-mail") @NotBlank String eventsSubscription,
        @DefaultValue("1") @Min(1) int eventsConsumers,
        @DefaultValue @Valid @NotNull EmbeddedServer embeddedServer,
        @DefaultValue @Valid @NotNull Server smtp,
        @DefaultValue @Valid @NotNull Imap imap,
        @DefaultValue @Valid @NotNull Health health,
        @DefaultValue("5m") @NotNull Duration attachmentWait) {

    /** An address on the hub as its users reach it: {@code publicBaseUrl} (without a trailing slash) + {@code path}. */
    public String publicUrl(String path) {
        return publicBaseUrl.replaceAll("/+$", "") + path;
    }

    /**
     * The mail servers' health check: one connection (and login) to each server, answered from a cache in between
     * so that frequent health reads never hammer the servers.
     *
     * @param timeout connect and read timeout of each server's probe
     * @param cache how long a probe's result is reused
     */
    public record Health(@DefaultValue("2s") @NotNull Duration timeout, @DefaultValue("10s") @NotNull Duration cache) {}

    /**
     * The GreenMail server of the embedded default; it keeps mail in memory only.
     *
     * @param retention how long a message stays in the embedded server's mailboxes (what the hub needs of a mail it
     *     read or sent is in its database by then); 0 keeps every message until the hub stops
     * @param purgeInterval how often messages older than {@code retention} are removed
     * @param startupTimeout how long the hub's start waits for the servers to listen (GreenMail's own 2 s was too short
     *     on a busy 2-core machine)
     */
    public record EmbeddedServer(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") @NotBlank String host,
            @DefaultValue("7d") @NotNull Duration retention,
            @DefaultValue("1h") @NotNull Duration purgeInterval,
            @DefaultValue("30s") @NotNull Duration startupTimeout) {}

    /** Whether the SMTP connection is upgraded to TLS with STARTTLS (port 587: a submission server requires it). */
    public enum StartTls {
        /** Never (the embedded server, a relay on the local network). */
        OFF,
        /** When the server offers it. */
        WHEN_OFFERED,
        /** Always: a server that does not offer it is refused, the password never goes in clear. */
        REQUIRED
    }

    /**
     * The SMTP server outgoing mail is sent through; user and password may be empty (no authentication).
     *
     * @param starttls a submission server (port 587) offers AUTH only after STARTTLS: without it the hub sent without
     *     logging in and every mail was refused, while the health check, which only connected, said UP
     */
    public record Server(
            @DefaultValue("smtp") @NotBlank String protocol,
            @DefaultValue("127.0.0.1") @NotBlank String host,
            @DefaultValue("3025") @Min(0) int port,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("15s") @NotNull Duration timeout,
            @DefaultValue("off") @NotNull StartTls starttls) {

        /**
         * JavaMail settings of sending and of the health check: STARTTLS as configured, and with a username the login
         * is required (a server that offers no AUTH is an error, not a mail sent without logging in).
         */
        public Properties javaMailProperties() {
            Properties p = new Properties();
            p.setProperty("mail." + protocol + ".starttls.enable", String.valueOf(starttls != StartTls.OFF));
            p.setProperty("mail." + protocol + ".starttls.required", String.valueOf(starttls == StartTls.REQUIRED));
            if (username != null && !username.isBlank()) {
                p.setProperty("mail." + protocol + ".auth", "true");
            }
            return p;
        }

        public String uri() {
            StringBuilder uri = new StringBuilder(protocol).append("://").append(host).append(':').append(port)
                    .append("?connectionTimeout=").append(timeout.toMillis())
                    .append("&additionalJavaMailProperties=#").append(SMTP_JAVAMAIL_PROPERTIES);
            if (username != null && !username.isBlank()) {
                uri.append("&username=RAW(").append(username).append(")&password=RAW(").append(password).append(')');
            }
            return uri.toString();
        }
    }

    /**
     * The office mailbox the intake polls. An empty username means the office address.
     *
     * @param delay pause between two polls
     * @param readChunk how much of a message one IMAP FETCH reads ({@code mail.<protocol>.fetchsize}); JavaMail's
     *     16 KB default made a 1 MB scan take 64 round trips, and some servers (the embedded one among them)
     *     prepare the whole message for each
     */
    public record Imap(
            @DefaultValue("imap") @NotBlank String protocol,
            @DefaultValue("127.0.0.1") @NotBlank String host,
            @DefaultValue("3143") @Min(0) int port,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("INBOX") @NotBlank String folder,
            @DefaultValue("2s") @NotNull Duration delay,
            @DefaultValue("20") @Min(1) int fetchSize,
            @DefaultValue("4MB") @NotNull DataSize readChunk) {

        /** JavaMail settings the intake's endpoint adds to Camel's own ({@code additionalJavaMailProperties}). */
        public Properties javaMailProperties() {
            Properties p = new Properties();
            p.setProperty("mail." + protocol + ".fetchsize", String.valueOf(readChunk.toBytes()));
            return p;
        }
    }

    /** The office mailbox's login: the configured user, else the office address. */
    public String imapUser() {
        return imap.username() == null || imap.username().isBlank() ? officeAddress : imap.username();
    }

    /** The office mailbox's password: the configured one, else the login (GreenMail's convention). */
    public String imapPassword() {
        return imap.password() == null || imap.password().isBlank() ? imapUser() : imap.password();
    }

    /** Name of the bean holding {@link Server#javaMailProperties()} of {@code smtp} (MailConfig). */
    public static final String SMTP_JAVAMAIL_PROPERTIES = "pintuSmtpJavaMailProperties";

    /** Name of the bean holding {@link Imap#javaMailProperties()} (MailConfig). */
    public static final String IMAP_JAVAMAIL_PROPERTIES = "pintuImapJavaMailProperties";

    public String imapUri() {
        String user = imapUser();
        String password = imapPassword();
        // mapMailMessage=false: the intake reads the raw message itself, so nothing is lost in a mapping.
        // Mail that fails is left unseen and fetched again; handled mail is marked seen, never deleted.
        return imap.protocol() + "://" + imap.host() + ":" + imap.port() + "?username=RAW(" + user + ")&password=RAW("
                + password + ")&folderName=" + imap.folder() + "&unseen=true&delete=false&peek=true"
                + "&mapMailMessage=false&fetchSize=" + imap.fetchSize() + "&delay=" + imap.delay().toMillis()
                + "&connectionTimeout=15000&additionalJavaMailProperties=#" + IMAP_JAVAMAIL_PROPERTIES;
    }
}
