package id.pintu.casedata;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.documents.LetterRepository;
import id.pintu.mail.UndeliverableMailActions;
import id.pintu.mail.UndeliverableMails;
import id.pintu.oss.OssRepository;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.WorkflowException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff correcting what an application says about its applicant and company: a mistyped email address (every mail
 * bounced), a wrong NIB or NPWP (OSS refused the hand-over). The contact (email, phone) may be corrected at any time:
 * the permit still has to reach the applicant. The identity (applicant's and company's name, NIB, NPWP, address,
 * KBLI) only while the case is open, none of its letters is signed and OSS has not recorded it: a signed letter
 * holds the identity it was signed with and OSS the one it was sent, and the records must not say otherwise.
 * Audited with the reason; mails refused for good at the old address go again to the new one.
 */
@Service
public class CaseDataCorrections {

    /** Why the identity is fixed: the case is closed, one of its letters was signed with it, or OSS holds it. */
    public enum Lock { CASE_CLOSED, LETTER_SIGNED, OSS_REGISTERED }

    /** What changed ({@code "applicant.email"}, ...) and how many refused mails went again to the new address. */
    public record Result(List<String> changed, int mailsResent) {}

    private final ApplicationRepository applications;
    private final LetterRepository letters;
    private final UndeliverableMails undeliverable;
    private final UndeliverableMailActions mailActions;
    private final AuditTrail audit;
    private final OssRepository oss;
    private final Clock clock;

    public CaseDataCorrections(ApplicationRepository applications, LetterRepository letters,
            UndeliverableMails undeliverable, UndeliverableMailActions mailActions, AuditTrail audit,
            OssRepository oss, Clock clock) {
        this.oss = oss;
        this.applications = applications;
        this.letters = letters;
        this.undeliverable = undeliverable;
        this.mailActions = mailActions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result correct(String applicationId, Application.Applicant applicant, Application.Company company,
            String reason, String by) {
        Application app = applications.lock(applicationId)
                .orElseThrow(() -> WorkflowException.notFound("no application " + applicationId));
        Application.Applicant newApplicant = new Application.Applicant(applicant.name(), address(applicant.email()),
                applicant.phone());
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        compare("applicant.name", app.applicant().name(), newApplicant.name(), before, after);
        compare("company.name", app.company().name(), company.name(), before, after);
        compare("company.nib", app.company().nib(), company.nib(), before, after);
        compare("company.npwp", app.company().npwp(), company.npwp(), before, after);
        compare("company.address", app.company().address(), company.address(), before, after);
        compare("company.kbli", app.company().kbli(), company.kbli(), before, after);
        if (!after.isEmpty()) {
            Optional<Lock> lock = identityLock(app);
            if (lock.isPresent()) {
                String why = switch (lock.get()) {
                    case CASE_CLOSED -> "the case is " + app.status();
                    case LETTER_SIGNED -> "its letters " + String.join(", ", letters.frozenKinds(applicationId))
                            + " were signed";
                    case OSS_REGISTERED -> "OSS has recorded the case";
                };
                throw WorkflowException.conflict(why + ": the applicant's and company's identity can no longer be"
                        + " corrected (" + String.join(", ", after.keySet()) + ")");
            }
        }
        boolean emailChanged = !app.applicant().email().equalsIgnoreCase(newApplicant.email());
        compare("applicant.email", app.applicant().email(), newApplicant.email(), before, after);
        compare("applicant.phone", app.applicant().phone(), newApplicant.phone(), before, after);
        List<String> changed = new ArrayList<>(after.keySet());
        if (changed.isEmpty()) {
            return new Result(changed, 0);
        }
        applications.correctParties(applicationId, newApplicant, company, clock.instant());
        Map<String, Object> noted = new LinkedHashMap<>(after);
        noted.put("reason", reason);
        audit.append(new AuditTrail.Record(by, AuditActions.APPLICANT_DATA_CORRECTED, applicationId, null, before,
                noted, null));
        int resent = 0;
        if (emailChanged) {
            for (UndeliverableMails.Undeliverable m : undeliverable.ofCase(applicationId)) {
                if (m.open() && m.recipient().equalsIgnoreCase(app.applicant().email())
                        && mailActions.resendIfOpen(m.dedupKey(), newApplicant.email(), by)) {
                    resent++;
                }
            }
        }
        return new Result(changed, resent);
    }

    /**
     * Why the applicant's and company's identity can no longer be corrected in this case (closed, or a letter
     * signed with it), if it cannot.
     */
    public Optional<Lock> identityLock(Application app) {
        if (!app.status().isOpen()) {
            return Optional.of(Lock.CASE_CLOSED);
        }
        if (!letters.frozenKinds(app.id()).isEmpty()) {
            return Optional.of(Lock.LETTER_SIGNED);
        }
        // OSS holds the identity it was sent (the NIB it registered the case under, which its pushes name)
        boolean inOss = oss.callsOf(app.id()).stream().anyMatch(c -> c.status() == OssRepository.CallStatus.DONE);
        return inOss ? Optional.of(Lock.OSS_REGISTERED) : Optional.empty();
    }

    /** The address as the mail sender will need it (the intake's bean check of an address is looser). */
    private static String address(String email) {
        try {
            InternetAddress parsed = new InternetAddress(email, true);
            parsed.validate();
            return parsed.getAddress();
        } catch (AddressException e) {
            throw WorkflowException.unprocessable("'" + email + "' is not an email address");
        }
    }

    private static void compare(String field, String was, String is, Map<String, Object> before,
            Map<String, Object> after) {
        if (!Objects.equals(was, is)) {
            before.put(field, was);
            after.put(field, is);
        }
    }
}
