package id.pintu.mail;

import java.util.List;

/**
 * An email the hub owes someone. {@code dedupKey} names the occasion (for example {@code receipt:<caseId>} or
 * {@code escalation:<taskId>:2}); the mail route sends each key once, however often it is asked.
 *
 * @param documentIds documents of the case to attach (PDFs from the document store)
 */
public record OutgoingMail(
        String dedupKey,
        String applicationId,
        String to,
        String subject,
        String body,
        List<String> documentIds) {}
