package id.pintu.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditEntry;
import id.pintu.audit.AuditTrail;
import id.pintu.common.Sha256;
import id.pintu.documents.DocumentCatalog;
import id.pintu.documents.DocumentPlan;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.IndonesianDates;
import id.pintu.documents.LetterContent;
import id.pintu.documents.PdfRenderer;
import id.pintu.documents.StoredDocument;
import id.pintu.report.SopEvaluationCsv;
import id.pintu.sla.SlaProperties;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.Task;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;

/**
 * A case's archive ("arsip berkas permohonan") as one ZIP, for the office's records and for an audit: every
 * document of the case (the applicant's files and emails, drafts, letters, the permit), the history as a printable
 * PDF under the office's letterhead and as CSV, the case's audit entries (each with the hash that chains it, so it can
 * be checked on its own), and {@code SHA256SUMS} over every file ({@code sha256sum -c SHA256SUMS} checks a copy).
 * Reading it is audited ({@code CASE_ARCHIVE_EXPORTED}): it holds the applicant's personal data.
 */
@Service
public class CaseArchive {

    static final String HISTORY_PDF = "riwayat-permohonan.pdf";
    static final String HISTORY_CSV = "riwayat-permohonan.csv";
    static final String AUDIT = "jejak-audit.jsonl";
    static final String SUMS = "SHA256SUMS";

    private final ApplicationRepository applications;
    private final WorkflowService workflow;
    private final DocumentStore documents;
    private final AuditTrail audit;
    private final SopCatalog catalog;
    private final DocumentCatalog letterheads;
    private final PdfRenderer renderer;
    private final SlaProperties sla;
    private final Clock clock;
    private final ObjectMapper json;

    public CaseArchive(ApplicationRepository applications, WorkflowService workflow, DocumentStore documents,
            AuditTrail audit, SopCatalog catalog, DocumentCatalog letterheads, PdfRenderer renderer, SlaProperties sla,
            Clock clock, ObjectMapper json) {
        this.applications = applications;
        this.workflow = workflow;
        this.documents = documents;
        this.audit = audit;
        this.catalog = catalog;
        this.letterheads = letterheads;
        this.renderer = renderer;
        this.sla = sla;
        this.clock = clock;
        this.json = json;
    }

    /** The case, or not found; what a caller checks before it starts answering with the archive. */
    public Application require(String applicationId) {
        return applications.find(applicationId)
                .orElseThrow(() -> WorkflowException.notFound("no application " + applicationId));
    }

    /** The archive's file name: {@code arsip-<tracking code>.zip}. */
    public static String fileName(Application app) {
        return "arsip-" + app.trackingCode() + ".zip";
    }

    /**
     * Writes the case's archive to {@code out} (which it does not close) and records who took it. The audit entry
     * comes first: a download cut off halfway was still a read of the data.
     */
    public void write(Application app, String by, OutputStream out) throws IOException {
        List<Task> history = workflow.history(app.id());
        List<StoredDocument> docs = documents.ofApplication(app.id());
        List<AuditEntry> entries = audit.ofApplication(app.id());
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("documents", docs.size());
        what.put("auditEntries", entries.size());
        audit.append(new AuditTrail.Record(by, AuditActions.CASE_ARCHIVE_EXPORTED, app.id(), app.id(), null, what,
                null));

        Map<String, String> sums = new LinkedHashMap<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Set<String> purged = documents.purged(app.id());
        put(zip, sums, HISTORY_PDF, historyPdf(app, history, docs, purged, entries));
        put(zip, sums, HISTORY_CSV, historyCsv(history).getBytes(StandardCharsets.UTF_8));
        put(zip, sums, AUDIT, auditLines(entries).getBytes(StandardCharsets.UTF_8));
        // A document whose content the retention purge deleted is listed in the history, not put in as an empty file
        int n = 0;
        for (StoredDocument d : docs) {
            n++;
            Optional<byte[]> content = documents.content(d.id());
            if (content.isPresent()) {
                put(zip, sums, documentPath(n, d), content.get());
            }
        }
        StringBuilder list = new StringBuilder();
        sums.forEach((path, sum) -> list.append(sum).append("  ").append(path).append('\n'));
        ZipEntry e = new ZipEntry(SUMS);
        zip.putNextEntry(e);
        zip.write(list.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    /** {@code dokumen/03-resi-resi-PTU-26-X.pdf}: numbered in the order stored, so two files of one name both fit. */
    static String documentPath(int n, StoredDocument d) {
        String name = d.name() == null || d.name().isBlank() ? d.id() : d.name();
        String safe = (d.kind() + "-" + name).replaceAll("[^A-Za-z0-9._-]+", "_");
        if (safe.length() > 120) {
            safe = safe.substring(safe.length() - 120);
        }
        return String.format(Locale.ROOT, "dokumen/%02d-%s", n, safe);
    }

    private static void put(ZipOutputStream zip, Map<String, String> sums, String path, byte[] content)
            throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content);
        zip.closeEntry();
        sums.put(path, Sha256.hex(content));
    }

    private byte[] historyPdf(Application app, List<Task> history, List<StoredDocument> docs, Set<String> purged,
            List<AuditEntry> entries) {
        ZoneId zone = sla.zone();
        StringBuilder body = new StringBuilder();
        body.append("| Dibuat | ").append(IndonesianDates.dateTime(clock.instant(), zone)).append('\n');
        body.append("| Kode pelacakan | ").append(app.trackingCode()).append('\n');
        body.append("| Layanan | ").append(catalog.sopName(app.sopCode())).append(" (versi ")
                .append(app.sopVersion()).append(")\n");
        body.append("| Pemohon | ").append(app.applicant().name()).append(", ").append(app.applicant().email())
                .append('\n');
        body.append("| Perusahaan | ").append(app.company().name()).append(" (NIB ").append(app.company().nib())
                .append(")\n");
        body.append("| Saluran | ").append(app.channel()).append('\n');
        body.append("| Diajukan | ").append(IndonesianDates.dateTime(app.submittedAt(), zone)).append('\n');
        body.append("| Status | ").append(app.status()).append(app.closedAt() == null ? ""
                : ", selesai " + IndonesianDates.dateTime(app.closedAt(), zone)).append("\n\n");
        body.append("Riwayat langkah (").append(history.size()).append("):\n\n");
        for (Task t : history) {
            StringBuilder v = new StringBuilder(t.stepName() == null ? "" : t.stepName());
            v.append("; ").append(catalog.actorName(t.actor()));
            if (t.enteredAt() != null) {
                v.append("; masuk ").append(IndonesianDates.dateTime(t.enteredAt(), zone));
            }
            if (t.dueAt() != null) {
                v.append("; tenggat ").append(IndonesianDates.dateTime(t.dueAt(), zone));
            }
            if (t.completedAt() != null) {
                v.append("; selesai ").append(IndonesianDates.dateTime(t.completedAt(), zone));
                if (t.completedBy() != null) {
                    v.append(" oleh ").append(t.completedBy());
                }
            } else {
                v.append("; ").append(t.status());
            }
            if (t.outcome() != null) {
                v.append("; keputusan: ").append(t.outcome());
            }
            if (t.note() != null && !t.note().isBlank()) {
                v.append("; catatan: ").append(t.note().replace('\n', ' ').replace('|', '/'));
            }
            body.append("| Langkah ").append(t.stepNo()).append(" | ").append(v.toString().replace('\n', ' '))
                    .append('\n');
        }
        body.append("\nDokumen dalam arsip ini (").append(docs.size()).append("), di folder dokumen/:\n\n");
        int n = 0;
        for (StoredDocument d : docs) {
            body.append("| ").append(String.format(Locale.ROOT, "%02d", ++n)).append(" | ")
                    .append(d.kind()).append(": ").append(d.name() == null ? "-" : d.name().replace('|', '/'))
                    .append(", ").append(IndonesianDates.dateTime(d.createdAt(), zone))
                    .append(purged.contains(d.id()) ? "; isinya telah dihapus menurut jadwal retensi (SHA-256 "
                            + d.sha256() + ")" : "").append('\n');
        }
        body.append("\nJejak audit: ").append(entries.size()).append(" entri dalam ").append(AUDIT);
        if (!entries.isEmpty()) {
            AuditEntry last = entries.get(entries.size() - 1);
            body.append(", terakhir nomor ").append(last.seq()).append(" dengan hash ").append(last.hash());
        }
        body.append(". Setiap berkas arsip ini tercantum dengan hash SHA-256-nya dalam ").append(SUMS).append('.');
        LetterContent content = new LetterContent(DocumentPlan.Layout.FORM, "RIWAYAT PERMOHONAN", null, null, null,
                List.of(), "Dibuat " + IndonesianDates.dateTime(clock.instant(), zone), body.toString(), null,
                List.of(), null, null);
        return renderer.render(letterheads.letterhead(), content);
    }

    static String historyCsv(List<Task> history) {
        StringBuilder csv = new StringBuilder("step,name,actor,kind,status,entered_at,due_at,completed_at,completed_by,"
                + "outcome,note\n");
        for (Task t : history) {
            List<String> cells = new ArrayList<>();
            cells.add(String.valueOf(t.stepNo()));
            cells.add(t.stepName());
            cells.add(t.actor());
            cells.add(t.kind() == null ? null : t.kind().name());
            cells.add(t.status() == null ? null : t.status().name());
            cells.add(instant(t.enteredAt()));
            cells.add(instant(t.dueAt()));
            cells.add(instant(t.completedAt()));
            cells.add(t.completedBy());
            cells.add(t.outcome());
            cells.add(t.note());
            csv.append(String.join(",", cells.stream().map(SopEvaluationCsv::cell).toList())).append('\n');
        }
        return csv.toString();
    }

    private String auditLines(List<AuditEntry> entries) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (AuditEntry e : entries) {
            ObjectNode o = json.createObjectNode();
            o.put("seq", e.seq());
            o.put("at", e.at().toString());
            o.put("actor", e.actor());
            o.put("action", e.action());
            o.put("applicationId", e.applicationId());
            o.put("subject", e.subject());
            o.put("before", e.before());
            o.put("after", e.after());
            o.put("eventId", e.eventId());
            o.put("prevHash", e.prevHash());
            o.put("hash", e.hash());
            lines.append(json.writeValueAsString(o)).append('\n');
        }
        return lines.toString();
    }

    private static String instant(Instant t) {
        return t == null ? null : t.toString();
    }
}
