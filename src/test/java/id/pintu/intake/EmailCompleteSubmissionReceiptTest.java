package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A complete application sent by email becomes a case with every required document present; the applicant gets the
 * "received" mail with the tracking link at once and, after step 3, the receipt mail with the resi PDF attached.
 */
@HubTest
class EmailCompleteSubmissionReceiptTest {

    static final String APPLICANT = "budi.lengkap@contoh.co.id";

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    DocumentStore documents;

    @Test
    void completeDossierReachesStepThreeAndTheReceiptArrivesAsPdf() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(APPLICANT, "Permohonan Izin Perluasan Usaha Industri - PT Kopi Sidikalang Jaya",
                MailTestSupport.BODY, MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), null, null));

        MailTestSupport.Received received = mail.awaitMail(APPLICANT, r -> r.subject().contains("telah diterima"));
        String code = received.subject().replaceAll(".*\\[(PTU-[^\\]]+)].*", "$1");
        assertThat(received.text()).contains("/lacak?kode=" + code + "&token=");
        Application app = applications.findByTrackingCode(code).orElseThrow();
        assertThat(app.channel()).isEqualTo("email");
        assertThat(app.company().npwp()).isEqualTo("012345678901000");

        JsonNode dossier = api.call(HttpMethod.GET, "/api/applications/" + app.id() + "/dossier", null, "front-office")
                .body();
        assertThat(dossier.get("complete").asBoolean()).as("dossier %s", dossier).isTrue();
        assertThat(dossier.get("required")).hasSize(8).allMatch(i -> i.get("status").asText().equals("PRESENT"));

        JsonNode step2 = api.awaitTask(app.id(), 2);
        assertThat(api.complete(step2.get("taskId").asText(), "front-office", "complete").status()).isEqualTo(200);
        JsonNode step3 = api.awaitTask(app.id(), 3);
        documents.store(app.id(), "resi", 3, "resi-" + code + ".pdf", "application/pdf",
                MailTestSupport.pdf("Resi penerimaan berkas " + code), StoredDocument.APPLICANT, "test");
        assertThat(api.complete(step3.get("taskId").asText(), "front-office", null).status()).isEqualTo(200);

        MailTestSupport.Received receipt = mail.awaitMail(APPLICANT, r -> r.subject().contains("Resi penerimaan"));
        assertThat(receipt.subject()).contains(code);
        assertThat(receipt.attachments()).containsKey("resi-" + code + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(receipt.attachments().get("resi-" + code + ".pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Resi penerimaan berkas " + code);
        }
        assertThat(receipt.text()).contains("NIB", "nib.pdf");
    }
}
