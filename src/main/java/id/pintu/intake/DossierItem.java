package id.pintu.intake;

import java.time.Instant;

/**
 * The hub's finding on one file the applicant sent.
 *
 * @param documentId the stored document; null for a refused file (it stays in the original email or scan)
 * @param requirement the required document it is (a key of the SOP's dossier), or null when unmatched
 * @param matchedBy {@code pintu-intake} for the hub's own match by file name, else the clerk who corrected it
 */
public record DossierItem(
        String id,
        String applicationId,
        String documentId,
        String fileName,
        String requirement,
        String contentType,
        long sizeBytes,
        boolean valid,
        String problem,
        String matchedBy,
        Instant createdAt,
        Instant updatedAt) {}
