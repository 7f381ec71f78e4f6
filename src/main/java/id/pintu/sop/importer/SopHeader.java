package id.pintu.sop.importer;

import java.util.List;
import java.util.Map;

/**
 * The SOP-AP header block: identity, and the numbered lists beside the table (legal basis, qualifications,
 * related SOPs, equipment, warnings, record keeping). The definition format has no fields for the lists, so the
 * importer carries them into the file as comments and returns them here.
 */
public record SopHeader(
        String government,
        String agency,
        String number,
        String name,
        String approvedBy,
        Map<String, List<String>> sections) {

    public static final String LEGAL_BASIS = "Dasar Hukum";
    public static final String QUALIFICATIONS = "Kualifikasi Pelaksana";
    public static final String RELATED = "Keterkaitan";
    public static final String EQUIPMENT = "Peralatan/Perlengkapan";
    public static final String WARNINGS = "Peringatan";
    public static final String RECORDS = "Pencatatan dan Pendataan";

    public List<String> legalBasis() {
        return sections.getOrDefault(LEGAL_BASIS, List.of());
    }

    public List<String> warnings() {
        return sections.getOrDefault(WARNINGS, List.of());
    }

    public List<String> equipment() {
        return sections.getOrDefault(EQUIPMENT, List.of());
    }
}
