package id.pintu.oss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.common.Texts;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.security.ControlCharacters;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What OSS pushes to the hub: NIB data ({@code receiveNIB}), the digitally signed permit ({@code receiveFileDS})
 * and the question whether a commitment is valid ({@code checkKomitmen}). Each is attached to its case by OSS's
 * permit id ({@code id_izin}), the hub's reference ({@code nomor_referensi}) or the NIB. Whatever cannot be attached
 * is refused with the reason and kept in {@code oss_inbound_review}.
 */
@Component
public class OssInbound {

    public static final String FILE_KIND = "oss-file-ds";
    public static final List<String> METHODS = List.of("receiveNIB", "receiveFileDS", "checkKomitmen");

    private static final Logger LOG = LoggerFactory.getLogger(OssInbound.class);

    /** The answer to OSS: HTTP status = {@code kode}, wrapped as {@code respon<method>}. */
    public record Reply(int kode, String keterangan, Map<String, Object> extra) {
        static Reply of(int kode, String keterangan) {
            return new Reply(kode, keterangan, Map.of());
        }
    }

    /** A push that cannot be attached: the reason goes back to OSS and into the review table. */
    static final class Refusal extends RuntimeException {
        final int kode;

        Refusal(int kode, String message) {
            super(message);
            this.kode = kode;
        }
    }

    private final OssRepository repository;
    private final ApplicationRepository applications;
    private final DocumentStore documents;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectMapper json;
    private final OssPayloads payloads;
    private final OssProperties properties;

    public OssInbound(OssRepository repository, ApplicationRepository applications, DocumentStore documents,
            JdbcClient jdbc, TransactionTemplate tx, Clock clock, ObjectMapper json, OssPayloads payloads,
            OssProperties properties) {
        this.repository = repository;
        this.applications = applications;
        this.documents = documents;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
        this.payloads = payloads;
        this.properties = properties;
    }

    /** Handles one authenticated push; never throws for bad input, the reply says what was wrong. */
    public Reply receive(String method, String body) {
        try {
            if (!METHODS.contains(method)) {
                throw new Refusal(404, "metode tidak dikenal: " + method + " (dikenal: " + String.join(", ", METHODS) + ")");
            }
            JsonNode inner = inner(body);
            return switch (method) {
                case "receiveNIB" -> receiveNib(inner, body);
                case "receiveFileDS" -> receiveFile(inner, body);
                default -> checkKomitmen(inner, body);
            };
        } catch (Refusal r) {
            Instant now = clock.instant();
            // Kept as far as the review's column holds (a signed PDF in base64 runs to megabytes): a refused push
            // whose record failed would be answered 500 and kept nowhere
            repository.insertReview(new OssRepository.Review(UUID.randomUUID().toString(), method, r.getMessage(),
                    r.kode, now, body == null ? "" : cut(body)));
            LOG.warn("OSS {} refused ({}) and kept for review: {}", method, r.kode, r.getMessage());
            return Reply.of(r.kode, r.getMessage());
        }
    }

    private Reply receiveNib(JsonNode p, String body) {
        String nib = required(p, "nib");
        if (!nib.matches("\\d{13}")) {
            throw new Refusal(400, "nib harus 13 digit angka: '" + nib + "'");
        }
        String applicationId = byIdIzin(p).orElseGet(() -> byNib(nib));
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            repository.saveCase(applicationId, nib, text(p, "id_izin"), null, now);
            repository.insertInbound(new OssRepository.Inbound(UUID.randomUUID().toString(), "receiveNIB",
                    applicationId, null, now, cut(body)));
        });
        return new Reply(200, "Data NIB diterima", Map.of("nomor_referensi", tracking(applicationId)));
    }

    private Reply receiveFile(JsonNode p, String body) {
        String encoded = Optional.ofNullable(text(p, "file_ds")).orElse(text(p, "file"));
        if (encoded == null) {
            throw new Refusal(400, "file_ds (isi berkas, base64) wajib diisi");
        }
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "file_ds bukan base64 yang sah: " + e.getMessage());
        }
        if (content.length == 0) {
            throw new Refusal(400, "file_ds kosong");
        }
        String applicationId = byIdIzinOrReference(p).orElseThrow(() -> notFound(p));
        refuseUnlessPermitHandedOver(applicationId);
        String name = Optional.ofNullable(text(p, "nama_file"))
                .orElse("izin-" + Optional.ofNullable(text(p, "id_izin")).orElse(tracking(applicationId)) + ".pdf");
        String sha = DocumentStore.sha256(content);
        Optional<StoredDocument> same = documents.ofApplication(applicationId).stream()
                .filter(d -> d.kind().equals(FILE_KIND) && d.sha256().equals(sha)).findFirst();
        if (same.isPresent()) {
            // OSS pushes again when it missed our answer: the same file is kept once.
            return new Reply(200, "Berkas sudah diterima sebelumnya", Map.of("document_id", same.get().id()));
        }
        String type = name.toLowerCase().endsWith(".pdf") ? "application/pdf" : "application/octet-stream";
        StoredDocument[] stored = new StoredDocument[1];
        tx.executeWithoutResult(s -> {
            stored[0] = documents.store(applicationId, FILE_KIND, 23, name, type, content, "APPLICANT", "oss");
            repository.insertInbound(new OssRepository.Inbound(UUID.randomUUID().toString(), "receiveFileDS",
                    applicationId, stored[0].id(), clock.instant(), cut(body)));
        });
        return new Reply(200, "Berkas izin bertanda tangan elektronik diterima", Map.of("document_id", stored[0].id()));
    }

    /**
     * OSS signs the permit the hub handed over with the final call ({@code receiveLicense}, SOP step 23). A signed
     * permit for a case the hub has not issued (at an earlier step, rejected, withdrawn) would otherwise be stored for
     * the applicant and shown on the tracking page: it is refused and kept for review, where staff see it.
     */
    private void refuseUnlessPermitHandedOver(String applicationId) {
        Application app = applications.find(applicationId).orElseThrow();
        // Sent, or possibly sent (an attempt whose answer was lost): a call OSS refused, or one cancelled because the
        // case was withdrawn, handed nothing; nor does a case closed without its permit have one to receive
        boolean handedOver = repository.callsOf(applicationId).stream()
                .filter(c -> c.status() != OssRepository.CallStatus.REFUSED
                        && c.status() != OssRepository.CallStatus.CANCELLED)
                .map(c -> properties.calls().get(c.integration()))
                .anyMatch(call -> call != null && call.issuesPermit());
        if (!handedOver || app.status() != CaseStatus.ISSUED && !app.status().isOpen()) {
            throw new Refusal(409, "izin permohonan " + app.trackingCode() + " belum diserahkan ke OSS oleh kantor"
                    + " (status " + app.status() + "); berkas bertanda tangan tidak dilampirkan");
        }
    }

    private Reply checkKomitmen(JsonNode p, String body) {
        String nomor = Optional.ofNullable(text(p, "nomor_komitmen")).orElse(text(p, "nomor"));
        String tanggal = Optional.ofNullable(text(p, "tgl_komitmen")).orElse(text(p, "tanggal"));
        if (nomor == null || tanggal == null) {
            throw new Refusal(400, "nomor_komitmen dan tgl_komitmen (yyyy-MM-dd) wajib diisi");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(tanggal.length() > 10 ? tanggal.substring(0, 10) : tanggal);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refusal(400, "tgl_komitmen bukan tanggal yyyy-MM-dd: '" + tanggal + "'");
        }
        String applicationId = byIdIzinOrReference(p).orElseThrow(() -> notFound(p));
        Application app = applications.find(applicationId).orElseThrow();
        Optional<Instant> effective = repository.findCase(applicationId).map(OssRepository.OssCase::effectiveAt);
        // The commitment the hub issued is the permit sent in step 23: its number and the day it took effect.
        boolean valid = payloads.knownPermitNumber(app).map(nomor::equals).orElse(false) && effective.isPresent()
                && effective.get().atZone(OssPayloads.WIB).toLocalDate().equals(date);
        repository.insertInbound(new OssRepository.Inbound(UUID.randomUUID().toString(), "checkKomitmen", applicationId,
                null, clock.instant(), cut(body)));
        return new Reply(200, valid ? "Komitmen valid" : "Komitmen tidak sesuai dengan izin yang diterbitkan",
                Map.of("valid", valid));
    }

    private JsonNode inner(String body) {
        if (body == null || body.isBlank()) {
            throw new Refusal(400, "isi permintaan kosong; kirim JSON");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new Refusal(400, "isi permintaan bukan JSON yang sah");
        }
        if (root == null || !root.isObject()) {
            throw new Refusal(400, "isi permintaan harus objek JSON");
        }
        // OSS wraps each payload in one object named after it ({"dataNIB": {...}}); accept it bare too.
        if (root.size() == 1) {
            Iterator<JsonNode> it = root.elements();
            JsonNode only = it.next();
            if (only.isObject()) {
                return only;
            }
        }
        return root;
    }

    private Optional<String> byIdIzin(JsonNode p) {
        String idIzin = text(p, "id_izin");
        if (idIzin == null) {
            return Optional.empty();
        }
        List<String> found = repository.casesWithIdIzin(idIzin);
        if (found.isEmpty()) {
            throw new Refusal(404, "id_izin tidak dikenal: " + idIzin);
        }
        return Optional.of(found.get(0));
    }

    /**
     * The case of the push's {@code id_izin}, else of its {@code nomor_referensi} (the tracking code): an id_izin the
     * hub does not know (its answer to the hub lost) does not keep a good reference from being tried.
     */
    private Optional<String> byIdIzinOrReference(JsonNode p) {
        String idIzin = text(p, "id_izin");
        List<String> found = idIzin == null ? List.of() : repository.casesWithIdIzin(idIzin);
        if (!found.isEmpty()) {
            return Optional.of(found.get(0));
        }
        Optional<String> byReference = byReference(p);
        // The reference's case knows its own id_izin (from step 4): a push naming another one is about another
        // permit, and its file was stored and shown to this case's applicant
        Optional<String> known = byReference.flatMap(repository::findCase).map(OssRepository.OssCase::idIzin);
        if (idIzin != null && known.isPresent() && !known.get().equals(idIzin)) {
            throw new Refusal(409, "id_izin " + idIzin + " bukan milik permohonan " + text(p, "nomor_referensi")
                    + " (id_izin-nya " + known.get() + ")");
        }
        return byReference;
    }

    /** The refusal of a push that names no case the hub knows, with what it named (for the review queue). */
    private Refusal notFound(JsonNode p) {
        return new Refusal(404, "permohonan tidak ditemukan untuk id_izin " + Optional.ofNullable(text(p, "id_izin"))
                .orElse("-") + " / nomor_referensi " + Optional.ofNullable(text(p, "nomor_referensi")).orElse("-"));
    }

    /**
     * A push's text as far as the records' column holds ({@value #KEPT_CHARS} characters), without control
     * characters (PostgreSQL refuses a NUL).
     */
    private static String cut(String body) {
        return Texts.cut(ControlCharacters.strip(body), KEPT_CHARS);
    }

    static final int KEPT_CHARS = 100_000;

    private Optional<String> byReference(JsonNode p) {
        String ref = text(p, "nomor_referensi");
        return ref == null ? Optional.empty() : applications.findByTrackingCode(ref).map(Application::id);
    }

    private String byNib(String nib) {
        List<String> open = jdbc.sql("SELECT id FROM application WHERE company_nib = ?"
                        + " AND status IN ('IN_PROGRESS', 'AWAITING_APPLICANT') ORDER BY submitted_at")
                .param(nib).query(String.class).list();
        if (open.isEmpty()) {
            throw new Refusal(404, "tidak ada permohonan berjalan dengan NIB " + nib);
        }
        if (open.size() > 1) {
            throw new Refusal(409, open.size() + " permohonan berjalan dengan NIB " + nib
                    + "; kirim id_izin atau nomor_referensi untuk menunjuk satu");
        }
        return open.get(0);
    }

    private String tracking(String applicationId) {
        return applications.find(applicationId).map(Application::trackingCode).orElse(applicationId);
    }

    private static String required(JsonNode p, String field) {
        String v = text(p, field);
        if (v == null) {
            throw new Refusal(400, field + " wajib diisi");
        }
        return v;
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        String t = v == null || v.isNull() ? null : ControlCharacters.strip(v.asText()).trim();
        return t == null || t.isBlank() ? null : t;
    }
}
