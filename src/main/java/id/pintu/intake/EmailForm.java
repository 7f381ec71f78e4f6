package id.pintu.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the documented body template of an application email: {@code Label: value} lines with Indonesian labels,
 * tolerant of case, spacing and punctuation ({@code "Nama  perusahaan :"}, {@code "No. Telp"}). Other lines
 * (greetings, signature) are ignored.
 */
public final class EmailForm {

    private static final Map<String, String> LABELS = labels();

    private EmailForm() {}

    /** The recognised fields by name (companyName, nib, ...); the first value of a field wins. */
    public static Map<String, String> fields(String body) {
        Map<String, String> out = new HashMap<>();
        if (body == null) {
            return out;
        }
        for (String line : body.split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String field = LABELS.get(normalise(line.substring(0, colon)));
            String value = line.substring(colon + 1).strip();
            if (field != null && !value.isEmpty()) {
                out.putIfAbsent(field, value);
            }
        }
        return out;
    }

    public static ApplicationForm form(Map<String, String> f, String senderEmail) {
        return new ApplicationForm(f.get("companyName"), f.get("nib"), f.get("npwp"), f.get("kbli"), f.get("address"),
                f.get("applicantName"), f.getOrDefault("applicantEmail", senderEmail), f.get("phone"),
                f.get("description"));
    }

    static String normalise(String label) {
        // "N.P.W.P" and "NPWP" alike; "No. Telp" and "no telp" alike.
        return label.toLowerCase(Locale.ROOT).replaceAll("(?<=[a-z0-9])\\.(?=[a-z0-9])", "")
                .replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static Map<String, String> labels() {
        Map<String, List<String>> byField = Map.of(
                "companyName", List.of("nama perusahaan", "perusahaan", "nama badan usaha", "nama usaha"),
                "nib", List.of("nib", "nomor induk berusaha", "no nib", "nomor nib"),
                "npwp", List.of("npwp", "no npwp", "nomor npwp", "npwp perusahaan"),
                "kbli", List.of("kbli", "kode kbli", "no kbli"),
                "address", List.of("alamat", "alamat perusahaan", "alamat usaha", "lokasi usaha"),
                "applicantName", List.of("nama pemohon", "pemohon", "nama", "nama penanggung jawab",
                        "penanggung jawab"),
                "phone", List.of("telepon", "telp", "no telp", "no telepon", "nomor telepon", "hp", "no hp",
                        "nomor hp", "telepon hp", "whatsapp", "no wa"),
                "applicantEmail", List.of("email", "e mail", "email pemohon", "surel"),
                "description", List.of("keterangan", "uraian", "uraian perluasan", "deskripsi"));
        Map<String, String> labels = new HashMap<>();
        byField.forEach((field, names) -> names.forEach(n -> labels.put(n, field)));
        return labels;
    }
}
