package id.pintu.mail;

import id.pintu.common.TimeOrderedIds;
import id.pintu.workflow.CaseEvents;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Owes an email inside the caller's transaction: the mail is recorded in the outbox with the change that causes
 * it and handed to the {@code direct:outbox-mail} route after commit, which sends it once (see the mail feature).
 */
@Component
public class MailOutbox {

    public static final String KIND = "MAIL";
    /** The outbox row's case for a mail that belongs to no case (a reply to an email that made none). */
    public static final String NO_CASE = "-";

    private final CaseEvents events;
    private final Clock clock;

    public MailOutbox(CaseEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void enqueue(OutgoingMail mail) {
        Instant now = clock.instant();
        events.append(TimeOrderedIds.next(now), KIND,
                mail.applicationId() == null ? NO_CASE : mail.applicationId(), mail, now);
    }
}
