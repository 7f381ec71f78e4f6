package id.pintu.mail;

import id.pintu.common.TimeOrderedIds;
import id.pintu.workflow.CaseEvents;
import id.pintu.workflow.OutboxRelay;
import id.pintu.workflow.OutboxRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Owes an email inside the caller's transaction: the mail is recorded in the outbox with the change that causes
 * it and handed to the {@code direct:outbox-mail} route after commit, which sends it once (see the mail feature).
 *
 * <p>A mail whose attachment is not made yet (the permit, numbered and sealed by the documents feature, which may be
 * behind) is not tried and failed: it is recorded as waiting for that document, and the documents feature's report
 * that it made it ({@link OutboxRelay#retryWaiting}) sends it; its other documents do not. So that no
 * document slips between the look here and this transaction's commit, the look is repeated after the commit: a
 * document committed before then is seen and the mail released here; one committed later releases it itself.
 */
@Component
public class MailOutbox {

    public static final String KIND = "MAIL";
    /** The outbox row's case for a mail that belongs to no case (a reply to an email that made none). */
    public static final String NO_CASE = "-";

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    private final CaseEvents events;
    private final MailAttachments attachments;
    private final OutboxRelay relay;
    private final MailMetrics metrics;
    private final MailProperties properties;
    private final Clock clock;
    private final OutboxRepository outbox;

    public MailOutbox(CaseEvents events, MailAttachments attachments, OutboxRelay relay, MailMetrics metrics,
            MailProperties properties, Clock clock, OutboxRepository outbox) {
        this.outbox = outbox;
        this.events = events;
        this.attachments = attachments;
        this.relay = relay;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Whether the mail with this key is still owed: in the outbox, not sent yet (the mail server away, say);
     * {@code applicationId} null for a mail of no case.
     */
    public boolean isWaiting(String applicationId, String dedupKey) {
        return outbox.holds(KIND, applicationId == null ? NO_CASE : applicationId,
                "\"dedupKey\":\"" + dedupKey + "\"");
    }

    public void enqueue(OutgoingMail mail) {
        Instant now = clock.instant();
        String caseId = mail.applicationId() == null ? NO_CASE : mail.applicationId();
        List<String> missing = attachments.missing(mail.applicationId(), mail.documentIds());
        if (missing.isEmpty()) {
            events.append(TimeOrderedIds.next(now), KIND, caseId, mail, now);
            return;
        }
        events.appendWaiting(TimeOrderedIds.next(now), KIND, caseId, mail, now,
                now.plus(properties.attachmentWait()), "waits for its attachment " + String.join(", ", missing),
                MailAttachments.output(missing.get(0)));
        metrics.heldForAttachment(mail.dedupKey());
        LOG.debug("Mail {} waits for {}", mail.dedupKey(), missing);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    if (attachments.missing(mail.applicationId(), mail.documentIds()).isEmpty()) {
                        relay.retryWaiting(mail.applicationId(), missing.stream().map(MailAttachments::output)
                                .filter(Objects::nonNull).toList());
                    }
                } catch (RuntimeException e) {
                    LOG.debug("Mail {} not looked at again after commit ({}); it waits for its document",
                            mail.dedupKey(), e.toString());
                }
            }
        });
    }
}
