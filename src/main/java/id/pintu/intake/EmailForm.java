package id.pintu.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the documented body template of an application email: {@code Label: value} lines with Indonesian labels,
 * tolerant of case, spacing and punctuation ({@code "Nama  perusahaan :"}, {@code "No. Telp"}, {@code "No.HP"}). Other
 * lines (greetings, signature) are ignored. In a reply to a mail of the hub, so is the message it quotes: lines
 * quoted with {@code >}, and everything from a mail program's reply header on ({@code "On ... wrote:"},
 * {@code "Pada ... menulis:"}, {@code "-----Original Message-----"}, Outlook's {@code From:}/{@code Sent:} block). An
 * applicant who answers the hub's "belum dapat kami terima" by replying would otherwise have the example values of that
 * mail (PT Contoh Usaha, 081234567890) taken for the fields they left out. (A form forwarded from a colleague, quoted
 * or not, is read whole.)
 */
public final class EmailForm {

    private static final Map<String, String> LABELS = labels();

    /** A reply header of Gmail, Apple Mail, Thunderbird: "On ... wrote:", "Pada ... menulis:". */
    private static final Pattern WROTE = Pattern.compile("(?i)^\\s*(on|pada)\\s.+\\s(wrote|menulis)\\s*:\\s*$");
    /** Outlook's separators of the quoted message. */
    private static final Pattern ORIGINAL = Pattern.compile(
            "(?i)^\\s*-{2,}\\s*(original message|pesan asli|pesan awal)\\s*-{2,}\\s*$");
    /** Outlook's header block of the quoted message: "From: ..." (or "Dari:") with "Sent:" (or "Dikirim:") under it. */
    private static final Pattern FROM = Pattern.compile("(?i)^\\s*\\*?(from|dari)\\*?\\s*:.*");
    private static final Pattern SENT = Pattern.compile("(?i)^\\s*\\*?(sent|dikirim|date|tanggal)\\*?\\s*:.*");

    private EmailForm() {}

    /** The recognised fields by name (companyName, nib, ...) of an email that answers no mail of the hub. */
    public static Map<String, String> fields(String body) {
        return fields(body, false);
    }

    /**
     * The recognised fields by name (companyName, nib, ...); the first value of a field wins. {@code replyToHub}: the
     * email answers a mail of the hub, whose quoted text is not read.
     */
    public static Map<String, String> fields(String body, boolean replyToHub) {
        Map<String, String> out = new HashMap<>();
        if (body == null) {
            return out;
        }
        // A no-break space (Outlook, Word, an HTML &nbsp;) is a space here; Java's strip() would keep it in a value
        String[] lines = body.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ')
                .replace("\u200B", "").split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (replyToHub && quoteBegins(line, i + 1 < lines.length ? lines[i + 1] : "")) {
                break;
            }
            if (replyToHub && line.stripLeading().startsWith(">")) {
                continue;
            }
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

    /** Whether {@code line} (followed by {@code next}) begins the message a reply quotes. */
    static boolean quoteBegins(String line, String next) {
        return WROTE.matcher(line).matches() || ORIGINAL.matcher(line).matches()
                || FROM.matcher(line).matches() && SENT.matcher(next).matches();
    }

    public static ApplicationForm form(Map<String, String> f, String senderEmail) {
        return new ApplicationForm(f.get("companyName"), f.get("nib"), f.get("npwp"), f.get("kbli"), f.get("address"),
                f.get("applicantName"), f.getOrDefault("applicantEmail", senderEmail), f.get("phone"),
                f.get("description"));
    }

    static String normalise(String label) {
        // "N.P.W.P" and "NPWP" alike; "No. Telp", "No.Telp" and "no telp" alike.
        return label.toLowerCase(Locale.ROOT).replaceAll("\\bno\\.", "no ")
                .replaceAll("(?<=[a-z0-9])\\.(?=[a-z0-9])", "")
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
