package id.pintu.mail;

import id.pintu.common.Sha256;
import java.nio.charset.StandardCharsets;
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

    /** The longest key the sent mails' record holds ({@code mail_sent.dedup_key}). */
    static final int MAX_KEY = 200;

    /**
     * A key longer than the record holds (one built from a long Message-ID) becomes its first 120 characters and the
     * SHA-256 of the whole: the same occasion still gives the same key, and the key checked before sending is the one
     * recorded after it (a key cut by the database would never be found, so the mail would go out again at every
     * retry, each time failing to be recorded).
     */
    public OutgoingMail {
        if (dedupKey != null && dedupKey.length() > MAX_KEY) {
            dedupKey = dedupKey.substring(0, 120) + "~" + Sha256.hex(dedupKey.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static String latest(String kind) {
        return LATEST_PREFIX + kind;
    }
}
