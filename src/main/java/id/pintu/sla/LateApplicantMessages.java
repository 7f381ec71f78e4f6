package id.pintu.sla;

import id.pintu.intake.ApplicantMessages;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailTemplates;
import id.pintu.mail.OutgoingMail;
import id.pintu.mail.StatusMails;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.WorkflowProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An applicant's email that the front office has not answered within {@code pintu.intake.answer-within} is reported
 * once to the supervisor of the actor who answers applicants ({@code pintu.workflow.applicant-delegate}; the
 * supervision file's chain and contact address), as a late step is: the head of office answers for both. The mark
 * and the mail are one transaction, and the mark is conditional, so hubs sharing the database report each once.
 * Called by the route {@code sla-late-applicant-messages}.
 */
public class LateApplicantMessages {

    private static final Logger LOG = LoggerFactory.getLogger(LateApplicantMessages.class);
    private static final int BATCH = 200;

    private final ApplicantMessages messages;
    private final Supervision supervision;
    private final MailOutbox mail;
    private final SopCatalog catalog;
    private final WorkflowProperties workflow;
    private final TransactionTemplate tx;
    private final String casePageUrl;

    public LateApplicantMessages(ApplicantMessages messages, Supervision supervision, MailOutbox mail,
            SopCatalog catalog, WorkflowProperties workflow, TransactionTemplate tx, String casePageUrl) {
        this.messages = messages;
        this.supervision = supervision;
        this.mail = mail;
        this.catalog = catalog;
        this.workflow = workflow;
        this.tx = tx;
        this.casePageUrl = casePageUrl;
    }

    /** Reports the late messages not reported yet; how many it reported. */
    public int report() {
        int reported = 0;
        for (ApplicantMessages.Message m : messages.lateUnreported(BATCH)) {
            Boolean done = tx.execute(s -> {
                if (!messages.markReported(m.id())) {
                    return false;
                }
                mail.enqueue(reportMail(m));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                reported++;
                LOG.warn("The applicant's email {} on case {} was not answered by {}: reported to {}", m.id(),
                        m.trackingCode(), messages.answerDue(m), supervisorOfTheFrontOffice());
            }
        }
        return reported;
    }

    private String supervisorOfTheFrontOffice() {
        return supervision.supervisorOf(workflow.applicantDelegate());
    }

    private OutgoingMail reportMail(ApplicantMessages.Message m) {
        String boss = supervisorOfTheFrontOffice();
        String subject = "[Pintu] Email pemohon belum dijawab: permohonan " + m.trackingCode();
        String body = "Yth. " + catalog.actorName(boss) + ",\n\n"
                + "Email pemohon berikut belum dijawab atau ditindaklanjuti "
                + catalog.actorName(workflow.applicantDelegate()) + " sampai batas waktunya:\n\n"
                + "  Nomor permohonan : " + m.trackingCode() + "\n"
                + "  Pemohon          : " + m.companyName() + " (" + m.sender() + ")\n"
                + "  Subjek           : " + (m.subject() == null ? "-" : MailTemplates.oneLine(m.subject())) + "\n"
                + "  Diterima         : " + StatusMails.format(m.receivedAt()) + " WIB\n"
                + "  Batas jawab      : " + StatusMails.format(messages.answerDue(m)) + " WIB\n\n"
                + "Email dapat dijawab pada halaman permohonan (masuk dengan akun Pintu Anda):\n"
                + "  " + casePageUrl + m.applicationId() + "#pesan-" + m.id() + "\n\n"
                + "Pesan ini dikirim otomatis oleh Pintu; mohon tidak membalas.\n";
        return new OutgoingMail("pesan-terlambat:" + m.id(), m.applicationId(), supervision.contactOf(boss), subject,
                body, List.of());
    }
}
