package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Attachments are judged by their content: a program renamed nib.pdf and a truncated PDF are listed as invalid
 * with their reason (and named in the clarification), never stored as the required documents; the clerk can
 * re-match a valid file to another requirement.
 */
@HubTest
class EmailDisguisedAttachmentTest {

    static final String APPLICANT = "nakal@contoh.co.id";

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    ApplicationRepository applications;

    @Test
    void disguisedAndCorruptFilesAreInvalid() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        Map<String, byte[]> files = new LinkedHashMap<>(MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS));
        files.put("nib.pdf", "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1));
        byte[] pdf = MailTestSupport.pdf("NPWP");
        byte[] truncated = new byte[pdf.length / 3];
        System.arraycopy(pdf, 0, truncated, 0, truncated.length);
        files.put("npwp.pdf", truncated);
        files.put("Scan dokumen.pdf", MailTestSupport.pdf("ini sebenarnya KTP"));
        files.remove("ktp-penanggung-jawab.pdf");
        mail.send(mail.message(APPLICANT, "Permohonan", MailTestSupport.BODY, files, null, null));

        MailTestSupport.Received clarification = mail.awaitMail(APPLICANT, r -> r.subject().contains("perlu dilengkapi"));
        assertThat(clarification.text()).contains("(nib.pdf): isi file bukan PDF, JPG atau PNG",
                "(npwp.pdf): PDF rusak dan tidak dapat dibuka");
        String code = clarification.trackingCode();
        Application app = applications.findByTrackingCode(code).orElseThrow();

        JsonNode dossier = api.call(HttpMethod.GET, "/api/applications/" + app.id() + "/dossier", null, "front-office")
                .body();
        assertThat(status(dossier, "nib")).isEqualTo("INVALID");
        assertThat(status(dossier, "npwp")).isEqualTo("INVALID");
        assertThat(status(dossier, "ktp-penanggung-jawab")).isEqualTo("MISSING");
        JsonNode nib = item(dossier, "nib").get("files").get(0);
        assertThat(nib.get("valid").asBoolean()).isFalse();
        assertThat(nib.has("documentId")).as("refused file stored apart: %s", nib).isFalse();

        String scan = dossier.get("unmatched").get(0).get("documentId").asText();
        Api.Response denied = api.call(HttpMethod.PUT, "/api/applications/" + app.id() + "/dossier/" + scan,
                Map.of("requirement", "ktp-penanggung-jawab"), "backoffice");
        assertThat(denied.status()).isEqualTo(403);
        Api.Response corrected = api.call(HttpMethod.PUT, "/api/applications/" + app.id() + "/dossier/" + scan,
                Map.of("requirement", "ktp-penanggung-jawab"), "front-office");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(status(corrected.body(), "ktp-penanggung-jawab")).isEqualTo("PRESENT");
        assertThat(item(corrected.body(), "ktp-penanggung-jawab").get("files").get(0).get("matchedBy").asText())
                .isEqualTo("front-office");
    }

    private static JsonNode item(JsonNode dossier, String key) {
        for (JsonNode i : dossier.get("required")) {
            if (i.get("key").asText().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no " + key + " in " + dossier);
    }

    private static String status(JsonNode dossier, String key) {
        return item(dossier, key).get("status").asText();
    }
}
