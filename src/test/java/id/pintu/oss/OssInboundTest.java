package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * What OSS pushes is attached to its case by id_izin (the signed permit file lands in the case's documents, once,
 * however often OSS pushes it); a push without the shared key is refused, and an unknown case or a bad payload gets
 * a clear 4xx and is kept for review; so is a signed permit for a case whose permit the hub has not handed to OSS.
 */
@HubTest
class OssInboundTest {

    static final String KEY = OssSteps.INBOUND_KEY;

    @Autowired
    Api api;

    @Autowired
    DocumentStore documents;

    final ObjectMapper json = new ObjectMapper();

    OssSteps steps;

    @BeforeEach
    void setUp() {
        steps = new OssSteps(api);
        steps.resetSandbox();
    }

    @Test
    void signedPermitIsAttachedOnceAndStrangersAreKeptForReview() throws Exception {
        String id = steps.throughStep4(641);
        api.awaitTask(id, 5);
        String idIzin = steps.oss(id).get("idIzin").asText();
        byte[] pdf = "%PDF-1.4 izin bertanda tangan elektronik".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> file = Map.of("IZINFINAL", Map.of("id_izin", idIzin, "nama_file", "izin-ds.pdf",
                "file_ds", Base64.getEncoder().encodeToString(pdf)));

        assertThat(push("receiveFileDS", file, "salah").getStatusCode().value()).isEqualTo(401);

        // At step 5 the office has issued nothing: a signed permit now is not the applicant's; refused and kept
        ResponseEntity<String> early = push("receiveFileDS", file, KEY);
        assertThat(early.getStatusCode().value()).as(early.getBody()).isEqualTo(409);
        assertThat(documents.ofApplication(id)).noneMatch(d -> d.kind().equals(OssInbound.FILE_KIND));
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(api.call(HttpMethod.GET,
                "/api/oss/inbound-review", null, "backoffice").body().toString()).contains("belum diserahkan ke OSS"));

        // Step 23 hands the permit over (receiveLicense): OSS's signed file is then attached
        steps.through(id, "recommend", 23);
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(steps.oss(id).get("calls"))
                .anyMatch(c -> c.get("method").asText().equals("receiveLicense")
                        && c.get("status").asText().equals("DONE")));
        ResponseEntity<String> first = push("receiveFileDS", file, KEY);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        ResponseEntity<String> again = push("receiveFileDS", file, KEY);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        List<StoredDocument> stored = documents.ofApplication(id).stream()
                .filter(d -> d.kind().equals(OssInbound.FILE_KIND)).toList();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).sha256()).isEqualTo(DocumentStore.sha256(pdf));
        assertThat(json.readTree(again.getBody()).get("responreceiveFileDS").get("document_id").asText())
                .isEqualTo(stored.get(0).id());

        ResponseEntity<String> unknown = push("receiveNIB", Map.of("dataNIB", Map.of("nib", "0000000000641")), KEY);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(unknown.getBody()).get("responreceiveNIB").get("keterangan").asText())
                .contains("0000000000641");
        ResponseEntity<String> bad = push("receiveFileDS", "{\"IZINFINAL\": {\"id_izin\": ", KEY);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);

        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> {
            JsonNode review = api.call(HttpMethod.GET, "/api/oss/inbound-review", null, "backoffice").body();
            assertThat(review.toString()).contains("0000000000641").contains("bukan JSON");
        });
        // The repeated push is answered but not attached a second time.
        assertThat(steps.oss(id).get("inbound")).hasSize(1);

        // A signed permit of 200 KB for an id_izin nobody knows and no reference: refused, and kept for review (its
        // text cut to what the record holds) instead of failing the record and answering 500
        byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) 'A');
        ResponseEntity<String> stranger = push("receiveFileDS", Map.of("IZINFINAL", Map.of("id_izin", "I-TIDAK-ADA-641",
                "nama_file", "izin-asing.pdf", "file_ds", Base64.getEncoder().encodeToString(big))), KEY);
        assertThat(stranger.getStatusCode().value()).as(stranger.getBody()).isEqualTo(404);
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(api.call(HttpMethod.GET,
                "/api/oss/inbound-review", null, "backoffice").body().toString()).contains("I-TIDAK-ADA-641"));

        // Another permit's id_izin with this case's tracking code as reference: the case knows its own id_izin (from
        // step 4), so the file is another permit's; it was stored and shown to this case's applicant. Refused.
        byte[] second = "%PDF-1.4 izin bertanda tangan elektronik, perbaikan".getBytes(StandardCharsets.UTF_8);
        String code = api.getCase(id).get("trackingCode").asText();
        ResponseEntity<String> otherPermit = push("receiveFileDS", Map.of("IZINFINAL", Map.of("id_izin",
                "I-LAIN-641", "nomor_referensi", code, "nama_file", "izin-ds-2.pdf", "file_ds",
                Base64.getEncoder().encodeToString(second))), KEY);
        assertThat(otherPermit.getStatusCode().value()).as(otherPermit.getBody()).isEqualTo(409);
        // No id_izin, the tracking code as reference: attached
        ResponseEntity<String> byReference = push("receiveFileDS", Map.of("IZINFINAL", Map.of("nomor_referensi",
                code, "nama_file", "izin-ds-2.pdf", "file_ds", Base64.getEncoder().encodeToString(second))), KEY);
        assertThat(byReference.getStatusCode().value()).as(byReference.getBody()).isEqualTo(200);
        assertThat(documents.ofApplication(id)).filteredOn(d -> d.kind().equals(OssInbound.FILE_KIND))
                .extracting(StoredDocument::sha256).contains(DocumentStore.sha256(second));
    }

    @Test
    void pushedFieldsAreReadWithoutControlCharacters() throws Exception {
        // A NUL inside an escaped JSON string: PostgreSQL refuses it wherever the value is written
        ResponseEntity<String> unknown = push("receiveNIB", "{\"dataNIB\": {\"nib\": \"000000\\u00000000872\"}}", KEY);
        assertThat(unknown.getStatusCode().value()).as(unknown.getBody()).isEqualTo(404);
        assertThat(json.readTree(unknown.getBody()).get("responreceiveNIB").get("keterangan").asText())
                .contains("0000000000872");
    }

    private ResponseEntity<String> push(String method, Object body, String key) throws Exception {
        return steps.push(method, body, key);
    }
}
