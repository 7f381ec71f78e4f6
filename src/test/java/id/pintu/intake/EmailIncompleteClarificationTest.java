package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * An emailed application missing required documents is sent back by the hub itself with a clarification that names
 * exactly the missing documents; the applicant's reply (In-Reply-To the clarification) adds its files to the same
 * case and returns the completeness check (step 2) to the front office.
 */
@HubTest
class EmailIncompleteClarificationTest {

    static final String APPLICANT = "siti.kurang@contoh.co.id";

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    ApplicationRepository applications;

    @Test
    void missingDocumentsAreAskedForAndTheReplyBringsStepTwoBack() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        List<String> sent = List.of("surat-permohonan", "nib", "npwp", "akta-pendirian", "izin-usaha-industri",
                "rencana-perluasan");
        mail.send(mail.message(APPLICANT, "Permohonan Izin Perluasan Usaha Industri", MailTestSupport.BODY,
                MailTestSupport.pdfs(sent), null, null));

        MailTestSupport.Received clarification = mail.awaitMail(APPLICANT, r -> r.subject().contains("perlu dilengkapi"));
        String code = clarification.trackingCode();
        assertThat(clarification.text())
                .contains("KTP penanggung jawab: belum dilampirkan", "Dokumen lingkungan (AMDAL, UKL-UPL atau SPPL): belum dilampirkan")
                .doesNotContain("Surat permohonan: belum", "Nomor Induk Berusaha (NIB): belum");
        Application app = applications.findByTrackingCode(code).orElseThrow();
        api.awaitStatus(app.id(), "AWAITING_APPLICANT");

        mail.send(mail.message(APPLICANT, "Re: " + clarification.subject(), "Terlampir dokumen yang kurang.",
                MailTestSupport.pdfs(List.of("ktp-penanggung-jawab", "dokumen-lingkungan")), null,
                clarification.messageId()));

        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> {
            JsonNode open = api.openTask(app.id()).orElseThrow(() -> new AssertionError("no open task yet"));
            assertThat(open.get("step").asInt()).isEqualTo(2);
            assertThat(open.get("actor").asText()).isEqualTo("front-office");
        });
        assertThat(api.getCase(app.id()).get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode dossier = api.call(HttpMethod.GET, "/api/applications/" + app.id() + "/dossier", null, "front-office")
                .body();
        assertThat(dossier.get("complete").asBoolean()).as("dossier %s", dossier).isTrue();
    }

    @Test
    void theApplicantsEmailedAnswerCompletesTheClarificationAClerkHoldsForThem() throws Exception {
        String applicant = "rudi.dipegang@contoh.co.id";
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(applicant, "Permohonan Izin Perluasan Usaha Industri", MailTestSupport.BODY,
                MailTestSupport.pdfs(List.of("surat-permohonan", "nib", "npwp", "akta-pendirian",
                        "izin-usaha-industri", "rencana-perluasan", "ktp-penanggung-jawab")), null, null));
        MailTestSupport.Received clarification = mail.awaitMail(applicant,
                r -> r.subject().contains("perlu dilengkapi"));
        Application app = applications.findByTrackingCode(clarification.trackingCode()).orElseThrow();
        api.awaitStatus(app.id(), "AWAITING_APPLICANT");
        // The front office takes the applicant's step to help them on the phone
        String clarificationTask = api.openTask(app.id()).orElseThrow().get("taskId").asText();
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + clarificationTask + "/claim", null, "front-office")
                .status()).isEqualTo(200);

        mail.send(mail.message(applicant, "Re: " + clarification.subject(), "Terlampir dokumen lingkungan.",
                MailTestSupport.pdfs(List.of("dokumen-lingkungan")), null, clarification.messageId()));

        // The answer is not lost to the clerk's hold: the case goes on to step 2, the step completed by the applicant
        // (between the answer and step 2's entering the case has no open task for a moment: retried, not an error)
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(api.openTask(app.id())
                .orElseThrow(() -> new AssertionError("no open task yet")).get("actor").asText())
                .isEqualTo("front-office"));
        assertThat(api.getCase(app.id()).get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode answered = null;
        for (JsonNode h : api.getCase(app.id()).get("history")) {
            if (h.get("taskId").asText().equals(clarificationTask)) {
                answered = h;
            }
        }
        assertThat(answered).as("the clarification in the history").isNotNull();
        assertThat(answered.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(answered.get("completedBy").asText()).isEqualTo(applicant);
        assertThat(answered.get("note").asText()).startsWith("Dijawab melalui email dengan 1 lampiran");
        // A clerk cannot complete a step another clerk holds, as before
        String step2 = api.openTask(app.id()).orElseThrow().get("taskId").asText();
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + step2 + "/claim", null, "front-office").status())
                .isEqualTo(200);
        assertThat(api.complete(step2, "admin", "complete").status()).isEqualTo(409);
    }
}
