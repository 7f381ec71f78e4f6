package id.pintu.documents;

import java.time.Instant;
import java.util.Map;

/**
 * What the technical team recorded at the field review (SOP step 7), printed in the Berita Acara.
 *
 * @param fields observations by label (Kapasitas terpasang, Luas lahan, ...), in the order entered
 */
public record FieldReport(String applicationId, String findings, Map<String, String> fields, String updatedBy,
        Instant updatedAt) {}
