package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Both branches of the seed SOP walked through the API produce their papers: the receipt before step 3 is done,
 * the routing slip, the field-review report and the recommendation, and the letter (rejection or permit) drafted,
 * initialled, signed, then numbered and sealed before the step that delivers it. The sealed letter carries its
 * number, the signatory's name, rank and NIP, the initials and an Indonesian date; its signature verifies, an
 * altered copy does not; the applicant's token opens it and nothing addressed to staff.
 */
@HubTest
class DocumentsBothBranchesTest {

    private static final String DATE = "\\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September"
            + "|Oktober|November|Desember) \\d{4}";

    @Autowired
    Api api;

    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void rejectBranchSealsTheNumberedRejectionLetter() throws Exception {
        JsonNode submitted = api.submit(Api.application(41));
        String id = submitted.get("id").asText();
        walk(id, "reject", 14);
        JsonNode letter = sealed(id, "surat-penolakan");
        assertThat(letter.get("step").asInt()).isEqualTo(13);
        // Numbered and sealed at step 13, the applicant's once step 14 has delivered it (deliveredAt: 14)
        download(letter.get("id").asText(), null, submitted.get("token").asText(), 404);
        assertThat(api.complete(api.awaitTask(id, 14).get("taskId").asText(), "kadis", null).status()).isEqualTo(200);
        byte[] pdf = await().atMost(Api.ROUTING_TIMEOUT).until(() -> tryDownload(letter.get("id").asText(),
                submitted.get("token").asText()), Optional::isPresent).get();
        String text = text(pdf);
        assertThat(text).containsPattern("503/\\d+/TLK-IUI/DPMPTSPK/20\\d\\d")
                .containsPattern("Sidikalang, " + DATE)
                .contains("Perihal", "Kepada Yth.", "PT Kopi Sidikalang Jaya 41", "Budi Santoso 41")
                .contains("Drs. Bonar Situmorang, M.Si", "Pembina Tingkat I (IV/b)", "NIP. 197002141996031002")
                .contains("Ir. Jonni Pardede", "Marlina Br. Sinaga, S.H.", "Kode verifikasi")
                .contains("Pertimbangan: ok")
                .doesNotContain("DRAF");
        assertVerifies(pdf);

        List<String> kinds = kinds(id);
        assertThat(kinds).contains("resi", "lembar-disposisi", "berita-acara", "rekomendasi", "surat-penolakan");
        JsonNode report = latest(id, "berita-acara").orElseThrow();
        String reportText = text(download(report.get("id").asText(), "tim-teknis", null, 200));
        assertThat(reportText).contains("BERITA ACARA PENINJAUAN LAPANGAN", "Kapasitas terpasang", "1.200 ton/tahun",
                "Mesin sangrai baru sudah terpasang", "Ir. Jonni Pardede").containsPattern("Pada hari ini, \\w+, " + DATE);
        // Staff papers are not the applicant's: the token does not open them.
        download(report.get("id").asText(), null, submitted.get("token").asText(), 404);
        download(letter.get("id").asText(), null, "wrong-token", 404);
        download(letter.get("id").asText(), null, null, 404);
    }

    @Test
    void recommendBranchSealsTheNumberedPermitWithThreeInitials() throws Exception {
        JsonNode submitted = api.submit(Api.application(42));
        String id = submitted.get("id").asText();
        walk(id, "recommend", 24);
        JsonNode letter = sealed(id, "surat-izin");
        assertThat(letter.get("step").asInt()).isEqualTo(21);
        byte[] pdf = download(letter.get("id").asText(), "front-office", null, 200);
        // Sealed at step 21, in force in OSS at step 23: the applicant's only once step 24 has delivered it
        download(letter.get("id").asText(), null, submitted.get("token").asText(), 404);
        assertThat(api.complete(api.awaitTask(id, 24).get("taskId").asText(), "front-office", null).status())
                .isEqualTo(200);
        assertThat(await().atMost(Api.ROUTING_TIMEOUT).until(() -> tryDownload(letter.get("id").asText(),
                submitted.get("token").asText()), Optional::isPresent).get()).isEqualTo(pdf);
        String text = text(pdf);
        assertThat(text).containsPattern("503/\\d+/IUI/DPMPTSPK/20\\d\\d")
                .containsPattern("Sidikalang, " + DATE)
                .containsPattern("Perihal : Persetujuan Pemenuhan Komitmen\\s+Penerbitan Izin Perluasan Usaha\\s+Industri")
                .contains("Drs. Bonar Situmorang, M.Si", "NIP. 197002141996031002")
                .contains("Dewi Lestari Nainggolan, S.E.", "Ir. Jonni Pardede", "Marlina Br. Sinaga, S.H.")
                .contains("9120001234567");
        assertVerifies(pdf);
        assertThat(kinds(id)).contains("resi", "lembar-disposisi", "berita-acara", "rekomendasi", "surat-izin");
    }

    /** Walks from step 2 and stops before completing {@code lastStep}, checking the papers due on the way. */
    private void walk(String id, String branch, int lastStep) throws IOException {
        int step = 2;
        while (true) {
            JsonNode task = api.awaitTask(id, step);
            if (step == 3) {
                JsonNode resi = await().atMost(Api.ROUTING_TIMEOUT).until(() -> latest(id, "resi"), Optional::isPresent)
                        .get();
                assertThat(resi.get("audience").asText()).isEqualTo("APPLICANT");
                String text = text(download(resi.get("id").asText(), "front-office", null, 200));
                assertThat(text).contains("RESI PENERIMAAN BERKAS", "Rina Simanjuntak", "Kode verifikasi")
                        .containsPattern("Sidikalang, " + DATE);
            }
            if (step == 7) {
                Api.Response r = api.call(HttpMethod.PUT, "/api/applications/" + id + "/field-report",
                        Map.of("findings", "Mesin sangrai baru sudah terpasang dan sesuai rencana perluasan.",
                                "fields", Map.of("Kapasitas terpasang", "1.200 ton/tahun")), "tim-teknis");
                assertThat(r.status()).as("field report: %s", r.body()).isEqualTo(200);
            }
            if (step == lastStep) {
                return;
            }
            if (step == 8) {
                // The Berita Acara is sealed from the report when step 7 is completed: changed later, it would
                // disagree with the sealed paper
                Api.Response late = api.call(HttpMethod.PUT, "/api/applications/" + id + "/field-report",
                        Map.of("findings", "Diubah setelah berita acara dibuat."), "tim-teknis");
                assertThat(late.status()).as("after step 7: %s", late.body()).isEqualTo(409);
            }
            String actor = task.get("actor").asText();
            String user = actor.equals("pemohon") ? "front-office" : actor;
            String outcome = switch (step) {
                case 2 -> "complete";
                case 5 -> "verified";
                case 8 -> branch;
                default -> null;
            };
            assertThat(api.complete(task.get("taskId").asText(), user, outcome).status()).isEqualTo(200);
            step = step == 8 ? (branch.equals("recommend") ? 16 : 9) : step + 1;
        }
    }

    private JsonNode sealed(String id, String kind) {
        return await().atMost(Api.ROUTING_TIMEOUT)
                .until(() -> latestApplicant(id, kind), Optional::isPresent).get();
    }

    private Optional<JsonNode> latestApplicant(String id, String kind) {
        JsonNode found = null;
        for (JsonNode d : documents(id)) {
            if (d.get("kind").asText().equals(kind) && d.get("audience").asText().equals("APPLICANT")) {
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    private Optional<JsonNode> latest(String id, String kind) {
        JsonNode found = null;
        for (JsonNode d : documents(id)) {
            if (d.get("kind").asText().equals(kind)) {
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    private JsonNode documents(String id) {
        Api.Response r = api.call(HttpMethod.GET, "/api/applications/" + id + "/documents", null, "backoffice");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    private List<String> kinds(String id) {
        List<String> kinds = new ArrayList<>();
        documents(id).forEach(d -> kinds.add(d.get("kind").asText()));
        return kinds;
    }

    /** The document as the applicant downloads it with the token, if they may (else empty). */
    private Optional<byte[]> tryDownload(String docId, String token) {
        HttpHeaders h = new HttpHeaders();
        h.set("X-Pintu-Token", token);
        ResponseEntity<byte[]> r = rest.exchange("/api/documents/" + docId, HttpMethod.GET, new HttpEntity<>(h),
                byte[].class);
        return r.getStatusCode().value() == 200 ? Optional.of(r.getBody()) : Optional.empty();
    }

    private byte[] download(String docId, String user, String token, int expected) {
        HttpHeaders h = new HttpHeaders();
        if (user != null) {
            h.setBasicAuth(user, "demo");
        }
        if (token != null) {
            h.set("X-Pintu-Token", token);
        }
        ResponseEntity<byte[]> r = rest.exchange("/api/documents/" + docId, HttpMethod.GET, new HttpEntity<>(h),
                byte[].class);
        assertThat(r.getStatusCode().value()).as("download %s", docId).isEqualTo(expected);
        return r.getBody();
    }

    private void assertVerifies(byte[] pdf) throws IOException {
        JsonNode ok = verify(pdf);
        assertThat(ok.get("genuine").asBoolean()).as("%s", ok).isTrue();
        assertThat(ok.get("signatureValid").asBoolean()).isTrue();
        assertThat(ok.get("coversWholeFile").asBoolean()).isTrue();
        byte[] altered = pdf.clone();
        int at = altered.length / 3;
        altered[at] = (byte) (altered[at] ^ 0x01);
        JsonNode bad = verify(altered);
        assertThat(bad.get("genuine").asBoolean()).as("%s", bad).isFalse();
        assertThat(bad.get("registered").asBoolean()).isFalse();
    }

    private JsonNode verify(byte[] pdf) throws IOException {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_PDF);
        ResponseEntity<String> r = rest.exchange("/api/verify", HttpMethod.POST, new HttpEntity<>(pdf, h), String.class);
        assertThat(r.getStatusCode().value()).as("verify: %s", r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
