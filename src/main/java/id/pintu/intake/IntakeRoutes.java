package id.pintu.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.mail.MailProperties;
import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.JmsBatchComponent;
import id.pintu.messaging.ScheduledErrorHandling;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.CaseEventHeaders;
import id.pintu.workflow.WorkflowProperties;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.component.mail.MailMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * <ul>
 *   <li>{@code mail-intake}: the office mailbox over IMAP, one email at a time to {@link EmailIntake} (one too large
 *       by its headers alone);</li>
 *   <li>{@code scan-intake}: the front office's scan folder to {@link ScanIntake}, files moved to .done/ or
 *       .error/ (with the reason beside them);</li>
 *   <li>{@code intake-completeness}: step entries from the case events, for the automatic clarification;</li>
 *   <li>{@code abandon-check}: closes cases whose applicant let the clarification deadline pass.</li>
 * </ul>
 */
@Component
public class IntakeRoutes extends RouteBuilder {

    private final IntakeProperties properties;
    private final MailProperties mail;
    private final WorkflowProperties workflow;
    private final ObjectMapper json;
    private final String dataDir;

    public IntakeRoutes(IntakeProperties properties, MailProperties mail, WorkflowProperties workflow,
            ObjectMapper json, @Value("${pintu.data-dir:./data}") String dataDir) {
        this.properties = properties;
        this.mail = mail;
        this.workflow = workflow;
        this.json = json;
        this.dataDir = dataDir;
    }

    @Override
    public void configure() {
        // An email larger than pintu.intake.max-email-size is refused by its headers alone: its body is never fetched.
        from(mail.imapUri())
                .routeId("mail-intake")
                .autoStartup(properties.mailEnabled())
                .setProperty(EmailIntake.EMAIL_SIZE, method(IntakeRoutes.class, "size")).id("email-size")
                .choice()
                    .when(method("emailIntake", "fits")).id("fits-the-limit")
                        .setBody(method(IntakeRoutes.class, "raw")).id("raw-message")
                        .bean("emailIntake", "receive").id("take-in-email")
                    .otherwise()
                        .setBody(method(IntakeRoutes.class, "headers")).id("headers-only")
                        .bean("emailIntake", "receiveTooLarge").id("refuse-too-large")
                .end();

        if (properties.scan().enabled()) {
            String dir = scanDirectory().toAbsolutePath().normalize().toString().replace('\\', '/');
            from("file:" + dir + "?include=(?i).*\\.(pdf|jpe?g|png)$&recursive=false&readLock=changed"
                            + "&readLockMinAge=" + properties.scan().minAge().toMillis()
                            + "&delay=" + properties.scan().delay().toMillis()
                            + "&move=" + ScanIntake.DONE + "/${header." + ScanIntake.TARGET + "}"
                            + "&moveFailed=" + ScanIntake.ERROR + "/${header." + ScanIntake.TARGET + "}")
                    .routeId("scan-intake")
                    .onException(Exception.class).handled(false)
                        .bean("scanIntake", "failed").id("write-reason")
                    .end()
                    .bean("scanIntake", "target").id("name-target")
                    .bean("scanIntake", "receive").id("take-in-scan");
        }

        // In batches, as the status mails (MailRoutes); a database outage is waited out, not dead-lettered.
        from(JmsBatchComponent.SCHEME + ":topic:" + workflow.eventsTopic()
                        + "?subscription=" + properties.eventsSubscription()
                        + "&selector=" + CaseEventHeaders.EVENT_TYPE + "='" + CaseEvent.STEP_ENTERED + "'")
                .routeId("intake-completeness")
                .errorHandler(noErrorHandler())
                .split(method(JmsBatchComponent.class, "messagesOf")).stopOnException()
                    .unmarshal(new JacksonDataFormat(json, CaseEvent.class)).id("intake-read-event")
                    .bean("completenessCheck", "onEvent").id("check-completeness")
                .end();

        from("timer:abandon-check?delay=10000&period=" + properties.abandonCheckInterval().toMillis())
                .routeId("abandon-check")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .bean("abandonedCases", "closeOverdue").id("close-overdue");
    }

    Path scanDirectory() {
        String configured = properties.scan().directory();
        return configured == null || configured.isBlank() ? Path.of(dataDir, "scan-inbox") : Path.of(configured);
    }

    /** The email's size as the mail server reports it (IMAP's RFC822.SIZE), without fetching it; -1 if unknown. */
    public static long size(Exchange exchange) throws Exception {
        return exchange.getIn(MailMessage.class).getOriginalMessage().getSize();
    }

    /**
     * The email's header lines only, as a message with an empty text body: what the review queue and the refusal need
     * (sender, subject, Message-ID) of an email too large to fetch. Its own Content- headers are left out, since they
     * describe a body that is not there.
     */
    public static byte[] headers(Exchange exchange) throws Exception {
        MimeMessage m = (MimeMessage) exchange.getIn(MailMessage.class).getOriginalMessage();
        StringBuilder out = new StringBuilder();
        for (Enumeration<String> lines = m.getAllHeaderLines(); lines.hasMoreElements(); ) {
            String line = lines.nextElement();
            if (!line.regionMatches(true, 0, "Content-", 0, 8)) {
                out.append(line).append("\r\n");
            }
        }
        out.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The email exactly as the server holds it, so the original is kept whole. */
    public static byte[] raw(Exchange exchange) throws Exception {
        MailMessage m = exchange.getIn(MailMessage.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.getOriginalMessage().writeTo(out);
        return out.toByteArray();
    }
}
