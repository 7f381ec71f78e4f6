package id.pintu.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.audit.AuditEntry;
import id.pintu.common.Sha256;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.WebSession;
import id.pintu.workflow.WorkflowService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rejected case's archive, downloaded from its page: every stored document byte for byte, the history as a PDF
 * under the letterhead and as CSV, the case's audit entries each with a hash that recomputes, and SHA256SUMS over
 * every file; the download itself is audited; a role that may not look cases up is refused, an unknown case is 404.
 */
@HubTest
class CaseArchiveDownloadTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    DocumentStore documents;

    @Autowired
    WorkflowService workflow;

    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theArchiveHoldsEveryDocumentTheHistoryAndTheAuditEntriesEachWithItsHash() throws Exception {
        JsonNode created = api.submit(Api.application(87));
        String id = created.get("id").asText();
        String code = created.get("trackingCode").asText();
        api.completeRejectBranchThrough(id, 14);
        api.awaitTask(id, 15);
        await().atMost(Api.ROUTING_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> documents
                .ofApplication(id).stream().anyMatch(d -> d.name().contains("penolakan") && d.name().endsWith(
                        "-ttd.pdf")));
        List<StoredDocument> before = documents.ofApplication(id);

        WebSession kadis = WebSession.login(port, "kadis");
        HttpResponse<byte[]> download = kadis.get("/permohonan/" + id + "/arsip");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"arsip-" + code + ".zip\"");
        Map<String, byte[]> files = unzip(download.body());

        // SHA256SUMS names every other file with its hash, in the format sha256sum -c reads
        String[] sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8).split("\n");
        assertThat(sums).hasSize(files.size() - 1);
        for (String line : sums) {
            String[] parts = line.split("  ", 2);
            assertThat(files).containsKey(parts[1]);
            assertThat(Sha256.hex(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }

        // Every document stored before the download, byte for byte (its stored hash)
        List<String> docHashes = files.entrySet().stream().filter(e -> e.getKey().startsWith("dokumen/"))
                .map(e -> Sha256.hex(e.getValue())).toList();
        assertThat(docHashes).containsAll(before.stream().map(StoredDocument::sha256).toList());
        assertThat(files.keySet()).anyMatch(n -> n.matches("dokumen/\\d\\d-email-asli-.*\\.eml")
                || n.matches("dokumen/\\d\\d-resi-.*\\.pdf"));

        try (PDDocument pdf = Loader.loadPDF(files.get("riwayat-permohonan.pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("RIWAYAT PERMOHONAN").contains(code).contains("Langkah 14")
                    .contains("PT Kopi").contains("keputusan:");
        }
        String[] csv = new String(files.get("riwayat-permohonan.csv"), StandardCharsets.UTF_8).split("\n");
        assertThat(csv[0]).startsWith("step,name,actor,");
        assertThat(csv).hasSize(workflow.history(id).size() + 1);
        assertThat(csv[csv.length - 1]).startsWith("15,");

        // Each audit entry of the case, with a hash that recomputes from its own fields
        String[] lines = new String(files.get("jejak-audit.jsonl"), StandardCharsets.UTF_8).split("\n");
        assertThat(lines.length).isGreaterThan(14);
        for (String line : lines) {
            JsonNode e = json.readTree(line);
            assertThat(e.get("applicationId").asText()).isEqualTo(id);
            AuditEntry entry = new AuditEntry(e.get("seq").asLong(), Instant.parse(e.get("at").asText()),
                    text(e, "actor"), text(e, "action"), text(e, "applicationId"), text(e, "subject"),
                    text(e, "before"), text(e, "after"), text(e, "eventId"), text(e, "prevHash"), text(e, "hash"));
            assertThat(entry.computeHash()).as("entry %s", entry.seq()).isEqualTo(entry.hash());
        }

        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'CASE_ARCHIVE_EXPORTED' AND application_id = ?")
                .param(id).query(String.class).list()).containsExactly("kadis");

        // A document whose content the retention purge deleted (its statement, RetentionPurge's) stays in the list
        StoredDocument resi = before.stream().filter(d -> d.kind().equals("resi")).findFirst().orElseThrow();
        jdbc.sql("UPDATE document SET content = NULL, purged_at = ? WHERE id = ? AND purged_at IS NULL")
                .params(java.sql.Timestamp.from(Instant.now()), resi.id()).update();
        Map<String, byte[]> later = unzip(kadis.get("/permohonan/" + id + "/arsip").body());
        assertThat(later.size()).isEqualTo(files.size() - 1);
        assertThat(later.values().stream().map(Sha256::hex)).doesNotContain(resi.sha256());
        try (PDDocument pdf = Loader.loadPDF(later.get("riwayat-permohonan.pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("isinya telah dihapus menurut jadwal retensi (SHA-256 " + resi.sha256().substring(0, 8));
        }

        WebSession teknis = WebSession.login(port, "tim-teknis");
        assertThat(teknis.get("/permohonan/" + id + "/arsip").statusCode()).isEqualTo(403);
        assertThat(kadis.get("/permohonan/no-such-case/arsip").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'CASE_ARCHIVE_EXPORTED' AND application_id = ?")
                .param(id).query(Long.class).single()).as("a refused download is not one").isEqualTo(2);
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
