package id.pintu.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.workflow.WorkflowException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the office does with a mail refused for good: sends it again (to a corrected address, or the same once the
 * applicant's mailbox works again), or closes it with a note (the applicant was phoned, came to the counter). Either
 * once: a colleague doing the same a moment later is refused. Audited.
 */
@Service
public class UndeliverableMailActions {

    private final UndeliverableMails mails;
    private final MailOutbox outbox;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    public UndeliverableMailActions(UndeliverableMails mails, MailOutbox outbox, ObjectMapper json, AuditTrail audit,
            Clock clock) {
        this.mails = mails;
        this.outbox = outbox;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends the mail again, to {@code to} if given (else to its address); returns the address it goes to. */
    @Transactional
    public String resend(String dedupKey, String to, String by) {
        return sendAgain(open(dedupKey), to, by).orElseThrow(() -> WorkflowException.conflict("the refused mail "
                + dedupKey + " was taken care of meanwhile"));
    }

    /**
     * Sends the mail again to {@code to} if it still waits for the office: false when a colleague took care of it
     * meanwhile (the caller's other work goes on; {@link #resend} refuses instead).
     */
    @Transactional
    public boolean resendIfOpen(String dedupKey, String to, String by) {
        Optional<UndeliverableMails.Undeliverable> item = mails.find(dedupKey)
                .filter(UndeliverableMails.Undeliverable::open);
        return item.isPresent() && sendAgain(item.get(), to, by).isPresent();
    }

    private Optional<String> sendAgain(UndeliverableMails.Undeliverable item, String to, String by) {
        String dedupKey = item.dedupKey();
        OutgoingMail mail;
        try {
            mail = json.readValue(mails.payload(dedupKey).orElseThrow(), OutgoingMail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the refused mail " + dedupKey + " is not readable", e);
        }
        String address = to == null || to.isBlank() ? mail.to() : to.strip();
        try {
            InternetAddress parsed = new InternetAddress(MailTemplates.oneLine(address), true);
            parsed.validate();
            address = parsed.getAddress();
        } catch (AddressException e) {
            throw WorkflowException.unprocessable("'" + address + "' is not an email address");
        }
        Instant now = clock.instant();
        if (!mails.resolve(dedupKey, by, "dikirim ulang ke " + address, now)) {
            return Optional.empty();
        }
        // A key of its own: the first one stays the refused mail's
        outbox.enqueue(new OutgoingMail(dedupKey + ":ulang:" + now.toEpochMilli(), mail.applicationId(), address,
                mail.subject(), mail.body(), mail.documentIds()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("to", address);
        after.put("subject", item.subject());
        audit.append(new AuditTrail.Record(by, AuditActions.MAIL_RESENT, item.applicationId(), null,
                Map.of("to", item.recipient(), "reason", item.reason()), after, null));
        return Optional.of(address);
    }

    /** Closes it without sending, with what was done instead. */
    @Transactional
    public void close(String dedupKey, String note, String by) {
        UndeliverableMails.Undeliverable item = open(dedupKey);
        String text = note == null || note.isBlank() ? "ditutup tanpa dikirim ulang" : note.strip();
        if (!mails.resolve(dedupKey, by, text, clock.instant())) {
            throw WorkflowException.conflict("the refused mail " + dedupKey + " was taken care of meanwhile");
        }
        audit.append(new AuditTrail.Record(by, AuditActions.MAIL_UNDELIVERABLE_CLOSED, item.applicationId(), null,
                Map.of("to", item.recipient(), "subject", item.subject()), Map.of("note", text), null));
    }

    private UndeliverableMails.Undeliverable open(String dedupKey) {
        UndeliverableMails.Undeliverable item = mails.find(dedupKey == null ? "" : dedupKey)
                .orElseThrow(() -> WorkflowException.notFound("no refused mail " + dedupKey));
        if (!item.open()) {
            throw WorkflowException.conflict("the refused mail " + dedupKey + " was taken care of by "
                    + item.resolvedBy());
        }
        return item;
    }
}
