package id.pintu.intake;

import id.pintu.mail.SentMailRepository;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the front office does with an email of the review queue that belongs to a case after all (a reply sent from
 * a colleague's address, a reply without the tracking code): its attachments join that case's dossier as a reply's
 * would, the original is kept with the case, and the item is marked handled, all in one transaction. The clarification
 * the case may be waiting on is left to the clerk, who completes it from the applicant's inbox once satisfied.
 */
@Service
public class ReviewedEmails {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewedEmails.class);

    /** What attaching did: the case, and the files accepted into its dossier and refused. */
    public record Attached(String trackingCode, int accepted, int refused) {}

    private final IntakeRecords records;
    private final ApplicationRepository applications;
    private final WorkflowService workflow;
    private final DossierService dossier;
    private final SentMailRepository sentMail;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ReviewedEmails(IntakeRecords records, ApplicationRepository applications, WorkflowService workflow,
            DossierService dossier, SentMailRepository sentMail, TransactionTemplate tx, Clock clock) {
        this.records = records;
        this.applications = applications;
        this.workflow = workflow;
        this.dossier = dossier;
        this.sentMail = sentMail;
        this.tx = tx;
        this.clock = clock;
    }

    /** The tracking code an item names (in its reason or subject), to offer as the case to attach it to. */
    public static Optional<String> namedCase(IntakeRecords.Review item) {
        for (String text : new String[] {item.reason(), item.subject()}) {
            Matcher m = EmailIntake.TRACKING_CODE.matcher(text == null ? "" : text);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /**
     * Attaches the item's email to the open case {@code trackingCode}: 404 for an unknown item or case, 409 for an
     * item already handled, a closed case, or an item that is not a readable email.
     */
    public Attached attach(String reviewId, String trackingCode, String clerk, String note) {
        IntakeRecords.Review item = records.findReview(reviewId)
                .orElseThrow(() -> WorkflowException.notFound("no review item " + reviewId));
        if (!item.open()) {
            throw WorkflowException.conflict("review item " + reviewId + " was handled by " + item.handledBy());
        }
        if (EmailIntake.TOO_LARGE_SOURCE.equals(item.source())) {
            // Only its headers were kept: "attached", the case got a header stub as its original email and none of
            // the files, and the item was marked handled as if they had joined the dossier
            throw WorkflowException.conflict("review item " + reviewId + " is an email too large to take: its files"
                    + " are only in the office mailbox; ask the applicant to send them in smaller emails");
        }
        Application app = applications.findByTrackingCode(trackingCode == null ? "" : trackingCode.strip())
                .orElseThrow(() -> WorkflowException.notFound("no application " + trackingCode));
        if (app.closedAt() != null) {
            throw WorkflowException.conflict("application " + app.trackingCode() + " is " + app.status());
        }
        byte[] raw = records.raw(reviewId).orElseThrow(() -> WorkflowException.notFound("no review item " + reviewId));
        ParsedEmail mail;
        try {
            mail = ParsedEmail.parse(raw, id -> sentMail.anySent(List.of(id)));
        } catch (Exception e) {
            throw WorkflowException.conflict("review item " + reviewId + " is not a readable email: " + e.getMessage());
        }
        Integer step = workflow.openTasks(app.id()).stream().filter(t -> t.kind() == TaskKind.CLARIFICATION)
                .map(Task::stepNo).findFirst().orElse(null);
        Attached attached = tx.execute(status -> {
            dossier.keepOriginal(app, raw, clerk, step);
            List<DossierItem> added = dossier.accept(app, mail.attachments(), step, clerk);
            int accepted = (int) added.stream().filter(DossierItem::valid).count();
            String done = "Dilampirkan ke permohonan " + app.trackingCode() + " (" + accepted + " berkas diterima"
                    + (added.size() > accepted ? ", " + (added.size() - accepted) + " ditolak" : "") + ")"
                    + (note == null || note.isBlank() ? "" : ". " + note.strip());
            if (!records.handled(reviewId, clerk, done, clock.instant())) {
                throw WorkflowException.conflict("review item " + reviewId + " was handled meanwhile");
            }
            return new Attached(app.trackingCode(), accepted, added.size() - accepted);
        });
        LOG.info("Review item {} (from {}) attached to case {} by {}: {} file(s) accepted, {} refused", reviewId,
                item.sender(), app.trackingCode(), clerk, attached.accepted(), attached.refused());
        return attached;
    }
}
