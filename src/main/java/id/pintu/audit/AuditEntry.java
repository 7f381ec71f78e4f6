package id.pintu.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One link of the audit chain.
 *
 * @param actor who did it (a staff username, {@code applicant:<email>}, {@code system}, or the name tried at a
 *     failed login)
 * @param action what was done, e.g. {@code STEP_COMPLETED}, {@code DOCUMENT_READ}, {@code LOGIN_FAILED}
 * @param subject the task or document the action concerns
 * @param before the state before as JSON (may be null)
 * @param after the state after as JSON (may be null)
 * @param eventId the case event the entry was made from; unique, so a redelivered event is recorded once
 */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        String action,
        String applicationId,
        String subject,
        String before,
        String after,
        String eventId,
        String prevHash,
        String hash) {

    /** The hash of the (empty) chain before its first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The canonical form: a JSON array of the fields in a fixed order (JSON escaping keeps field boundaries
     * unambiguous, which a plain separator would not), ending with the previous hash.
     */
    public String canonical() {
        ArrayNode a = JSON.createArrayNode();
        a.add(seq).add(at.toString()).add(actor).add(action).add(applicationId).add(subject).add(before).add(after)
                .add(eventId).add(prevHash);
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 over {@link #canonical()}, hex. */
    public String computeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    AuditEntry withHash(String h) {
        return new AuditEntry(seq, at, actor, action, applicationId, subject, before, after, eventId, prevHash, h);
    }
}
