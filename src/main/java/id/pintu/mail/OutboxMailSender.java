package id.pintu.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.workflow.OutboxRelay;
import id.pintu.workflow.OutboxRepository;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an owed mail from the outbox into a MIME message, once per dedup key: a key already recorded as sent
 * yields nothing. The Message-ID is derived from the dedup key, so a mail sent again after a crash is recognisably
 * the same mail, and a reply to it finds its case.
 */
@Component
public class OutboxMailSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxMailSender.class);

    private final ObjectMapper json;
    private final DocumentStore documents;
    private final MailAttachments attachments;
    private final SentMailRepository sent;
    private final MailProperties properties;
    private final Clock clock;
    private final MailMetrics metrics;
    private final OutboxRepository outbox;
    private final UndeliverableMails undeliverable;
    private final Session session = Session.getInstance(new Properties());
    /**
     * Mails sent whose record the relay is writing, and since when. The relay runs the record in its transaction; a
     * transaction that cannot even begin (the database away at that moment) never runs it, so an entry older than
     * {@link #RECORDING_GRACE} is one whose record was never attempted: it no longer keeps the mail from being sent
     * again (it was routed again for want of its record, and is recorded then). Kept for ever, the mail had no record
     * at all and its key stayed until the hub stopped.
     */
    private final Map<String, Instant> recording = new ConcurrentHashMap<>();
    static final Duration RECORDING_GRACE = Duration.ofMinutes(1);
    /** The SMTP commands of one send that may each take the server's timeout (connect, EHLO, MAIL, RCPT, DATA, end). */
    static final int SMTP_COMMANDS = 6;

    public OutboxMailSender(ObjectMapper json, DocumentStore documents, MailAttachments attachments,
            SentMailRepository sent, MailProperties properties, Clock clock, MailMetrics metrics,
            OutboxRepository outbox, UndeliverableMails undeliverable) {
        this.outbox = outbox;
        this.undeliverable = undeliverable;
        this.json = json;
        this.documents = documents;
        this.attachments = attachments;
        this.sent = sent;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The message to send, or null when this occasion's mail was already sent. */
    public MimeMessage prepare(String payload, Exchange exchange) throws IOException, MessagingException {
        OutgoingMail mail = json.readValue(payload, OutgoingMail.class);
        exchange.getIn().setHeader(MailHeaders.DEDUP_KEY, mail.dedupKey());
        Instant since = recording.get(mail.dedupKey());
        if (since != null && !since.isAfter(clock.instant().minus(RECORDING_GRACE))) {
            recording.remove(mail.dedupKey(), since);
            since = null;
        }
        if (since != null || sent.wasSent(mail.dedupKey())) {
            LOG.debug("Mail {} already sent; not sending again", mail.dedupKey());
            return null;
        }
        // The event is held only for the relay's hold (or lease) while an SMTP exchange may take the server's timeout
        // for each command: held longer, no other relay sends it again while this send is under way
        String eventId = exchange.getIn().getHeader(OutboxRelay.OUTBOX_ID, String.class);
        if (eventId != null) {
            outbox.holdUntil(eventId, clock.instant().plus(properties.smtp().timeout().multipliedBy(SMTP_COMMANDS)));
        }
        String messageId = messageId(mail.dedupKey());
        MimeMessage m = new FixedIdMessage(session, messageId);
        m.setFrom(new InternetAddress(properties.officeAddress(), properties.officeName(), "UTF-8"));
        m.setRecipient(jakarta.mail.Message.RecipientType.TO, address(mail.to()));
        m.setSubject(MailTemplates.oneLine(mail.subject()), "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        // RFC 3834: sent by a program; vacation responders that honour it do not answer, so no loop starts here
        m.setHeader("Auto-Submitted", "auto-generated");
        List<String> refs = mail.documentIds() == null ? List.of() : mail.documentIds();
        if (refs.isEmpty()) {
            m.setText(mail.body(), "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.body(), "UTF-8");
            mixed.addBodyPart(text);
            for (String ref : refs) {
                StoredDocument d = attachments.resolve(mail.applicationId(), ref);
                byte[] content = documents.content(d.id())
                        .orElseThrow(() -> new MissingAttachmentException("document " + d.id() + " has no content", null));
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, d.contentType())));
                part.setFileName(MailTemplates.oneLine(d.name()));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    /**
     * After the SMTP server took the mail: its sent record is left to the outbox relay, which writes it in the
     * transaction that deletes the mail's outbox event ({@link OutboxRelay#RECORD_ON_DELETE}), with the others of
     * that moment, instead of a commit per mail. Until then the event stays held, and this hub knows the mail as
     * being recorded, so it does not send it again.
     */
    public void sent(String payload, @Header(MailHeaders.SENT_MESSAGE_ID) String messageId, Exchange exchange)
            throws IOException {
        OutgoingMail mail = json.readValue(payload, OutgoingMail.class);
        String id = messageId == null ? messageId(mail.dedupKey()) : messageId;
        Instant at = clock.instant();
        recording.put(mail.dedupKey(), at);
        exchange.setProperty(OutboxRelay.RECORD_ON_DELETE, (Runnable) () -> {
            try {
                sent.record(mail.dedupKey(), id, mail.applicationId(), MailTemplates.oneLine(mail.to()),
                        MailTemplates.oneLine(mail.subject()), at);
            } finally {
                recording.remove(mail.dedupKey(), at);
            }
        });
        metrics.sent(mail.dedupKey());
        LOG.info("Mail {} sent to {}", mail.dedupKey(), MailTemplates.oneLine(mail.to()));
    }

    /**
     * A failed attempt: counted, then thrown on (the outbox relay logs it and retries later), unless the recipient's
     * side refused it for good: an address that is none ({@code budi@@contoh}), or one the server rejected with a
     * permanent reply (550 user unknown and the like, which JavaMail lists as invalid addresses; a 4xx is retried).
     * Such a mail was retried every few minutes for ever; now it is recorded as undeliverable, in the transaction
     * that deletes its outbox event, for the office to act on ({@link UndeliverableMails}).
     */
    public void failed(String payload, Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String dedupKey = exchange.getIn().getHeader(MailHeaders.DEDUP_KEY, String.class);
        metrics.sendFailed(dedupKey, cause);
        Optional<String> refusal = permanentRefusal(cause);
        if (refusal.isPresent() && payload != null) {
            OutgoingMail mail = json.readValue(payload, OutgoingMail.class);
            Instant at = clock.instant();
            exchange.setProperty(OutboxRelay.RECORD_ON_DELETE,
                    (Runnable) () -> undeliverable.record(mail, payload, refusal.get(), at));
            metrics.undeliverable(mail.dedupKey());
            LOG.warn("Mail {} to {} refused for good ({}); kept as undeliverable for the office, not retried",
                    mail.dedupKey(), MailTemplates.oneLine(mail.to()), refusal.get());
            return;
        }
        throw cause == null ? new IllegalStateException("mail not sent, cause unknown") : cause;
    }

    /**
     * Whether an SMTP server's 5xx to RCPT TO is about the recipient (no such mailbox, no such address), not about
     * the relay or the sender: JavaMail lists the address as invalid for any 5xx there, and a relay refusing the
     * office's mails ("554 5.7.1 Relay access denied", an SPF or sender policy, which Postfix gives at RCPT) would
     * have made every mail undeliverable. The recipient's: 550, 551 or 553 that is not a 5.7.x policy, or any 5.1.x.
     */
    static boolean aboutTheRecipient(String reply) {
        if (reply == null) {
            return false;
        }
        java.util.regex.Matcher enhanced = ENHANCED_STATUS.matcher(reply);
        String status = enhanced.find() ? enhanced.group() : "";
        if (status.startsWith("5.1.")) {
            return true;
        }
        return (reply.startsWith("550") || reply.startsWith("551") || reply.startsWith("553"))
                && !status.startsWith("5.7.");
    }

    private static final java.util.regex.Pattern ENHANCED_STATUS =
            java.util.regex.Pattern.compile("\\b[245]\\.\\d{1,3}\\.\\d{1,3}\\b");

    /** The reason a mail can never be delivered as it is, if that is what {@code cause} says. */
    static Optional<String> permanentRefusal(Throwable cause) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
        if (cause != null) {
            todo.add(cause);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof AddressException a) {
                return Optional.of("alamat email tidak sah: " + a.getMessage());
            }
            if (t instanceof jakarta.mail.SendFailedException f && f.getInvalidAddresses() != null
                    && f.getInvalidAddresses().length > 0) {
                Exception next = f.getNextException();
                String reply = next != null && next.getMessage() != null ? next.getMessage().strip() : f.getMessage();
                if (aboutTheRecipient(reply)) {
                    return Optional.of("ditolak server penerima: " + reply);
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
        }
        return Optional.empty();
    }

    private static InternetAddress address(String to) throws AddressException {
        InternetAddress a = new InternetAddress(MailTemplates.oneLine(to), true);
        a.validate();
        return a;
    }

    String messageId(String dedupKey) {
        String domain = properties.officeAddress().substring(properties.officeAddress().indexOf('@') + 1);
        return "<" + DocumentStore.sha256(dedupKey.getBytes(StandardCharsets.UTF_8)).substring(0, 40) + ".pintu@"
                + domain + ">";
    }

    /** JavaMail replaces the Message-ID on saveChanges(); this message keeps the one derived from its key. */
    static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

}
