package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A complete application sent by email becomes a case with every required document present; the applicant gets the
 * "received" mail with the tracking link at once and, after step 3, the receipt mail with the resi PDF attached. The
 * same dossier forwarded as an attachment (an email inside the email) is as complete.
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

    @Test
    void completeDossierReachesStepThreeAndTheReceiptArrivesAsPdf() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(APPLICANT, "Permohonan Izin Perluasan Usaha Industri - PT Kopi Sidikalang Jaya",
                MailTestSupport.BODY, MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), null, null));

        MailTestSupport.Received received = mail.awaitMail(APPLICANT, r -> r.subject().contains("telah diterima"));
        String code = received.trackingCode();
        assertThat(received.text()).contains("/lacak?kode=" + code + "&token=");
        // When the office's work ends at the latest: at least the four working days of steps 6-8 away.
        java.util.regex.Matcher latest = java.util.regex.Pattern
                .compile("selesai paling lambat (\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}) WIB")
                .matcher(received.text().replaceAll("\\s+", " "));
        assertThat(latest.find()).as(received.text()).isTrue();
        assertThat(java.time.LocalDateTime.parse(latest.group(1),
                        java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm"))
                .atZone(java.time.ZoneId.of("Asia/Jakarta")).toInstant())
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(4)));
        Application app = applications.findByTrackingCode(code).orElseThrow();
        assertThat(app.channel()).isEqualTo("email");
        assertThat(app.company().npwp()).isEqualTo("012345678901000");

        JsonNode dossier = api.call(HttpMethod.GET, "/api/applications/" + app.id() + "/dossier", null, "front-office")
                .body();
        assertThat(dossier.get("complete").asBoolean()).as("dossier %s", dossier).isTrue();
        assertThat(dossier.get("required")).hasSize(8).allMatch(i -> i.get("status").asText().equals("PRESENT"));
        // The applicant sees the same check through the tracking API: their files, no staff names.
        String token = received.text().replaceAll("(?s).*/lacak\\?kode=" + code + "&token=([^\\s&\"]+).*", "$1");
        JsonNode tracked = api.call(HttpMethod.GET, "/api/track/" + code + "?token=" + token, null, null).body();
        assertThat(tracked.get("dossier").get("complete").asBoolean()).as("tracked %s", tracked).isTrue();
        assertThat(tracked.get("dossier").get("required")).hasSize(8)
                .allMatch(i -> i.get("status").asText().equals("PRESENT")
                        && i.get("files").get(0).get("accepted").asBoolean()
                        && i.get("files").get(0).hasNonNull("documentId"));
        assertThat(tracked.toString()).doesNotContain("matchedBy").doesNotContain("pintu-intake");

        JsonNode step2 = api.awaitTask(app.id(), 2);
        assertThat(api.complete(step2.get("taskId").asText(), "front-office", "complete").status()).isEqualTo(200);
        JsonNode step3 = api.awaitTask(app.id(), 3);
        assertThat(api.complete(step3.get("taskId").asText(), "front-office", null).status()).isEqualTo(200);

        // The documents feature makes the resi when step 3 is completed; the mail waits for it.
        MailTestSupport.Received receipt = mail.awaitMail(APPLICANT, r -> r.subject().contains("Resi penerimaan"));
        assertThat(receipt.subject()).contains(code);
        assertThat(receipt.attachments()).containsKey("resi-" + code + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(receipt.attachments().get("resi-" + code + ".pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("RESI PENERIMAAN BERKAS",
                    "Nomor Registrasi : " + code, "Nama Perusahaan : PT Kopi Sidikalang Jaya");
            // The receipt promises a date: the latest end of the office's work, counted from step 3's due date.
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .containsPattern("Selesai Paling Lambat : \\d{1,2} [A-Z][a-z]+ 20\\d\\d pukul \\d{2}\\.\\d{2} WIB");
        }
        assertThat(receipt.text()).contains("NIB", "nib.pdf");
    }

    @Test
    void aDossierForwardedAsAnAttachmentIsCompleteToo() throws Exception {
        String sender = "sekretariat.kopi@contoh.co.id";
        MailTestSupport mail = new MailTestSupport(mailProperties);
        MimeMessage original = mail.message("budi.pribadi@contoh.co.id", "berkas izin", MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), null, null);
        mail.send(mail.forwarded(sender, "Fwd: Permohonan Izin Perluasan Usaha Industri",
                "Dengan hormat, bersama ini kami teruskan berkas permohonan kami.\n", original));

        MailTestSupport.Received received = mail.awaitMail(sender, r -> r.subject().contains("telah diterima"));
        assertThat(received.text()).contains("1. Surat permohonan (surat-permohonan.pdf)",
                "8. Rencana perluasan (tambahan kapasitas dan investasi) (rencana-perluasan.pdf)");
        String code = received.trackingCode();
        Application app = applications.findByTrackingCode(code).orElseThrow();
        assertThat(app.company().name()).isEqualTo("PT Kopi Sidikalang Jaya");
        JsonNode dossier = api.call(HttpMethod.GET, "/api/applications/" + app.id() + "/dossier", null, "front-office")
                .body();
        assertThat(dossier.get("complete").asBoolean()).as("dossier %s", dossier).isTrue();
    }
}
