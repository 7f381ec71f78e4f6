package id.pintu.oss;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pintu.documents.DocumentCatalog;
import id.pintu.documents.LetterRepository;
import id.pintu.security.StaffUser;
import id.pintu.security.UserDirectory;
import id.pintu.workflow.Application;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskRepository;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The OSS payloads, in one place: the field names of the integration guide (PIA) that the bridge sends. The case
 * data is taken when the step hands over (so a later edit does not change what a retry sends); OSS's own ids
 * (id_izin) are added when the call is made, as step 4's answer brings them.
 */
@Component
public class OssPayloads {

    /** OSS dates are local Jakarta time written as {@code yyyy-MM-dd HH:mm:ss}. */
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    public static final DateTimeFormatter OSS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TaskRepository tasks;
    private final UserDirectory users;
    private final ObjectMapper json;
    private final OssProperties properties;
    private final LetterRepository letters;
    private final DocumentCatalog documents;

    public OssPayloads(TaskRepository tasks, UserDirectory users, ObjectMapper json, OssProperties properties,
            LetterRepository letters, DocumentCatalog documents) {
        this.documents = documents;
        this.tasks = tasks;
        this.users = users;
        this.json = json;
        this.properties = properties;
        this.letters = letters;
    }

    /**
     * The permit's number for OSS: the agenda number of the case's permit letter ({@link OssProperties#permitDocument()}).
     * A letter that has no number yet (the documents feature numbers it right after its numbering step,
     * asynchronously) makes the hand-over fail, and the outbox routes it again when the number is there; a case
     * without a permit letter in Pintu sends its tracking code.
     */
    public String permitNumber(Application app) {
        return letterNumber(app, properties.permitDocument()).orElse(app.trackingCode());
    }

    /** The permit's number as {@link #permitNumber} gives it, or empty while the permit letter has none yet. */
    public Optional<String> knownPermitNumber(Application app) {
        Optional<LetterRepository.Letter> letter = letters.find(app.id(), properties.permitDocument());
        return letter.isEmpty() ? Optional.of(app.trackingCode()) : Optional.ofNullable(letter.get().number());
    }

    /**
     * The agenda number of the case's letter of {@code kind} (e.g. the rejection letter a status reports); empty for a
     * case without such a letter in Pintu (its SOP's documents plan numbers none at a step the case has reached). A
     * letter not numbered yet, or not made yet while the documents feature is behind, makes the hand-over wait, as for
     * the permit.
     */
    public Optional<String> letterNumber(Application app, String kind) {
        Optional<LetterRepository.Letter> letter = letters.find(app.id(), kind);
        if (letter.isPresent() && letter.get().number() == null) {
            throw new LetterNotNumberedException("the " + kind + " of case " + app.trackingCode()
                    + " has no agenda number yet; the hand-over to OSS is retried", kind);
        }
        if (letter.isEmpty() && documents.numberOwed(app.sopCode(), kind, tasks.history(app.id()))) {
            // The documents feature is behind (or stopped): the letter is not even drafted yet, but it will be.
            throw new LetterNotNumberedException("the " + kind + " of case " + app.trackingCode()
                    + " is not made yet; the hand-over to OSS is retried once it is numbered", kind);
        }
        return letter.map(LetterRepository.Letter::number);
    }

    /** The case data of one hand-over: the company, and who completed the step and when. */
    public Map<String, String> snapshot(Application app, int step, Instant now) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("nomor_referensi", app.trackingCode());
        parties(app, d);
        Optional<Task> done = tasks.history(app.id()).stream()
                .filter(t -> t.stepNo() == step && t.completedAt() != null)
                .max(Comparator.comparing(Task::completedAt));
        d.put("nama_tahapan", done.map(Task::stepName).orElse("Tahap " + step));
        d.put("tgl_status", format(done.map(Task::completedAt).orElse(now)));
        Optional<StaffUser> by = done.map(Task::completedBy).flatMap(users::find);
        d.put("nip_status", by.map(StaffUser::nip).orElse(""));
        d.put("nama_status", by.map(u -> u.fullName() != null ? u.fullName() : u.username())
                .orElse(done.map(Task::completedBy).orElse("")));
        return d;
    }

    /**
     * The request with the applicant's and company's identity as the case holds it now, the rest of its snapshot as
     * it was: a staff retry after the front office corrected the NIB or NPWP that OSS refused.
     */
    public OssRequest withCurrentParties(OssRequest r, Application app) {
        Map<String, String> d = new LinkedHashMap<>(r.data());
        parties(app, d);
        return new OssRequest(r.key(), r.integration(), r.method(), r.applicationId(), r.sopCode(), r.sopVersion(),
                r.step(), r.nextStep(), r.outboxId(), d, r.requestedAt());
    }

    private static void parties(Application app, Map<String, String> d) {
        d.put("nib", app.company().nib());
        d.put("npwp", app.company().npwp());
        d.put("nama_perusahaan", app.company().name());
        d.put("alamat", app.company().address());
        d.put("kbli", app.company().kbli());
        d.put("nama_pemohon", app.applicant().name());
    }

    /** The body of the call: {@code {"<wrapper>": {...}}}; {@code idIzin} is OSS's permit id if known yet. */
    public ObjectNode body(OssRequest r, String idIzin) {
        OssProperties.Call call = properties.call(r.integration());
        ObjectNode root = json.createObjectNode();
        ObjectNode p = root.putObject(call.wrapper());
        Map<String, String> d = r.data();
        p.put("id_permohonan", r.key());
        p.put("nomor_referensi", d.get("nomor_referensi"));
        p.put("nib", d.get("nib"));
        p.put("npwp", d.get("npwp"));
        if (idIzin != null) {
            p.put("id_izin", idIzin);
        }
        p.put("kd_izin", properties.kdIzin());
        p.put("kd_instansi", properties.kdInstansi());
        p.put("kd_status", call.kdStatus());
        p.put("tgl_status", d.get("tgl_status"));
        p.put("nip_status", d.get("nip_status"));
        p.put("nama_status", d.get("nama_status"));
        // A status that reports a letter (the rejection) names it by its agenda number.
        p.put("keterangan", d.containsKey("nomor_surat")
                ? d.get("nama_tahapan") + ", nomor surat " + d.get("nomor_surat") : d.get("nama_tahapan"));
        if (call.wrapper().equals("IZINSTATUS")) {
            p.put("nama_perusahaan", d.get("nama_perusahaan"));
            p.put("kbli", d.get("kbli"));
        } else {
            // The final permit (receiveLicense): issued under the authority of whoever completed the issuing step.
            p.put("nama_perusahaan", d.get("nama_perusahaan"));
            p.put("alamat", d.get("alamat"));
            p.put("kbli", d.get("kbli"));
            p.put("nomor_izin", d.getOrDefault("nomor_izin", d.get("nomor_referensi")));
            p.put("tgl_terbit", d.get("tgl_status"));
            p.put("nip_ttd", d.get("nip_status"));
            p.put("nama_ttd", d.get("nama_status"));
        }
        return root;
    }

    /** The NIB inquiry: what OSS holds for the dossier's NIB. */
    public ObjectNode inqueryNib(OssRequest r) {
        ObjectNode root = json.createObjectNode();
        root.putObject("INQUERYNIB").put("nib", r.data().get("nib"));
        return root;
    }

    /** The reconciliation query: does OSS hold the record of this key? */
    public ObjectNode checkStatus(OssRequest r, String idIzin) {
        ObjectNode root = json.createObjectNode();
        ObjectNode p = root.putObject("CHECKSTATUS");
        p.put("id_permohonan", r.key());
        p.put("nib", r.data().get("nib"));
        if (idIzin != null) {
            p.put("id_izin", idIzin);
        }
        p.put("kd_instansi", properties.kdInstansi());
        return root;
    }

    public static String format(Instant at) {
        return OSS_TIME.format(LocalDateTime.ofInstant(at, WIB));
    }

    /** Reads an OSS time ({@code yyyy-MM-dd HH:mm:ss} in WIB, or ISO-8601); empty when absent or unreadable. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.trim(), OSS_TIME).atZone(WIB).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text.trim()));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
