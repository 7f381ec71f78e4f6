package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.intake.MailTestSupport;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The milestones reach the applicant of a case submitted through the API: the received mail, the verification, the
 * field review and the rejection; when step 14 is done, the rejection letter arrives as its PDF, with how to confirm
 * receipt (step 15) by the token.
 */
@HubTest
class RejectionLetterByEmailTest {

    static final String APPLICANT = "tolak@contoh.co.id";

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    DocumentStore documents;

    @Test
    void rejectionLetterIsMailedAsPdf() throws Exception {
        Map<String, Object> application = new HashMap<>(Api.application(77));
        application.put("applicant", Map.of("name", "Tolak Santoso", "email", APPLICANT, "phone", "081234567890"));
        JsonNode created = api.submit(application);
        String id = created.get("id").asText();
        String code = created.get("trackingCode").asText();
        for (int step = 2; step <= 14; step = step == 8 ? 9 : step + 1) {
            JsonNode task = api.awaitTask(id, step);
            String outcome = switch (step) {
                case 2 -> "complete";
                case 5 -> "verified";
                case 8 -> "reject";
                default -> null;
            };
            if (step == 3) {
                documents.store(id, "resi", 3, "resi.pdf", "application/pdf", MailTestSupport.pdf("Resi " + code),
                        StoredDocument.APPLICANT, "test");
            }
            if (step == 14) {
                documents.store(id, "surat-penolakan", 13, "surat-penolakan-" + code + ".pdf", "application/pdf",
                        MailTestSupport.pdf("Surat penolakan " + code), StoredDocument.APPLICANT, "test");
            }
            String actor = task.get("actor").asText();
            assertThat(api.complete(task.get("taskId").asText(), actor, outcome).status()).as("step %d", step)
                    .isEqualTo(200);
        }
        MailTestSupport mail = new MailTestSupport(mailProperties);
        MailTestSupport.Received letter = mail.awaitMail(APPLICANT, r -> r.subject().contains("Surat penolakan"));
        assertThat(letter.subject()).contains(code);
        assertThat(letter.text()).contains("/api/track/" + code + "/confirm");
        try (PDDocument pdf = Loader.loadPDF(letter.attachments().get("surat-penolakan-" + code + ".pdf"))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(mail.inbox(APPLICANT)).extracting(MailTestSupport.Received::subject)
                .anyMatch(s -> s.contains("Permohonan telah diterima"))
                .anyMatch(s -> s.contains("Berkas telah diverifikasi"))
                .anyMatch(s -> s.contains("Jadwal peninjauan lapangan"))
                .anyMatch(s -> s.contains("tidak direkomendasikan"));
    }
}
