package id.pintu.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The mail figures on {@code /actuator/prometheus}:
 * <ul>
 *   <li>{@code pintu.mail.received{outcome}}: emails taken from the office mailbox, counted once the intake's
 *       transaction for the email committed (a redelivered email is counted as {@code duplicate}, never twice as
 *       new); outcomes in {@link Received};</li>
 *   <li>{@code pintu.mail.sent{kind}}: mails the SMTP server accepted, counted after the send was recorded in
 *       {@code mail_sent}; a mail already recorded is not sent, so not counted, again;</li>
 *   <li>{@code pintu.mail.attachment.waits{kind}}: mails owed before the document they attach was made, held
 *       until it is (not tried and failed);</li>
 *   <li>{@code pintu.mail.send.failures{kind, reason}}: failed send attempts (each retry of the outbox counts),
 *       {@code reason} {@code smtp} (server down or refusing), {@code attachment-pending} (the PDF is still not
 *       made when the mail is tried: its wait ran out), {@code error}.</li>
 * </ul>
 * {@code kind} is the occasion of the mail, the first part of its dedup key: the template of a status mail
 * ({@code diterima}, {@code klarifikasi}, {@code resi}, ...), {@code escalation}, {@code unreadable}.
 */
@Component
public class MailMetrics {

    /** Outcomes of an email taken in. */
    public enum Received {
        /** a new case, its required documents complete */
        ACCEPTED,
        /** a new case whose required documents are missing or refused: a clarification follows */
        INCOMPLETE,
        /** the applicant's reply to a case, its files added */
        REPLY,
        /**
         * an application whose form fields are missing or wrong, or an email above the size limit: answered with the
         * problems, kept for review
         */
        REJECTED,
        /** kept for staff: unreadable, unknown or blocked sender, a reply from a stranger, an unknown code, an error */
        REVIEW,
        /** an email already taken in (same Message-ID), or an application sent again unchanged while its case is open */
        DUPLICATE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public MailMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(Received outcome) {
        Counter.builder("pintu.mail.received")
                .description("Emails taken from the office mailbox, by outcome")
                .tag("outcome", outcome.label())
                .register(registry)
                .increment();
    }

    void sent(String dedupKey) {
        Counter.builder("pintu.mail.sent")
                .description("Mails the SMTP server accepted, by kind")
                .tag("kind", kind(dedupKey))
                .register(registry)
                .increment();
    }

    void heldForAttachment(String dedupKey) {
        Counter.builder("pintu.mail.attachment.waits")
                .description("Mails owed before the document they attach was made: held until it is, not tried")
                .tag("kind", kind(dedupKey))
                .register(registry)
                .increment();
    }

    void sendFailed(String dedupKey, Throwable cause) {
        Counter.builder("pintu.mail.send.failures")
                .description("Failed attempts to send a mail, by kind and reason (each retry counts)")
                .tags("kind", kind(dedupKey), "reason", reason(cause))
                .register(registry)
                .increment();
    }

    void undeliverable(String dedupKey) {
        Counter.builder("pintu.mail.undeliverable")
                .description("Mails the recipient's side refused for good, kept for the office instead of retried")
                .tag("kind", kind(dedupKey))
                .register(registry)
                .increment();
    }

    static String kind(String dedupKey) {
        if (dedupKey == null || dedupKey.isBlank()) {
            return "unknown";
        }
        int colon = dedupKey.indexOf(':');
        return colon < 0 ? dedupKey : dedupKey.substring(0, colon);
    }

    private static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof MissingAttachmentException) {
                return "attachment-pending";
            }
            if (t instanceof jakarta.mail.MessagingException) {
                return "smtp";
            }
        }
        return "error";
    }
}
