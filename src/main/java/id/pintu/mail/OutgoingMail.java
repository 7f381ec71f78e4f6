package id.pintu.mail;

import java.util.List;

/**
 * An email the hub owes someone. {@code dedupKey} names the occasion (for example {@code receipt:<caseId>} or
 * {@code escalation:<taskId>:2}); the mail route sends each key once, however often it is asked.
 *
 * @param applicationId the case, or null for a mail that belongs to none
 * @param documentIds documents of the case to attach (PDFs from the document store): a document id, or
 *     {@code latest:<kind>} for the newest document of that kind meant for the applicant at the time of sending
 *     (a mail owed before it exists waits for it: see MailOutbox)
 */
public record OutgoingMail(
        String dedupKey,
        String applicationId,
        String to,
        String subject,
        String body,
        List<String> documentIds) {

    public static final String LATEST_PREFIX = "latest:";

    public static String latest(String kind) {
        return LATEST_PREFIX + kind;
    }
}
