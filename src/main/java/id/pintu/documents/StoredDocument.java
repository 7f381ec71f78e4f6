package id.pintu.documents;

import java.time.Instant;

/**
 * A document's record (without its bytes).
 *
 * @param kind what it is: a required-document key for scans (e.g. {@code ktp}), or a generated paper
 *     ({@code resi}, {@code surat-penolakan}, ...)
 * @param audience {@code APPLICANT} when the applicant may download it with the case's token, else {@code STAFF}
 */
public record StoredDocument(
        String id,
        String applicationId,
        String kind,
        Integer stepNo,
        String name,
        String contentType,
        long sizeBytes,
        String sha256,
        String audience,
        Instant createdAt,
        String createdBy) {

    public static final String STAFF = "STAFF";
    public static final String APPLICANT = "APPLICANT";
}
