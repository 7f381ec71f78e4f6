package id.pintu.casedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailProperties;
import id.pintu.mail.OutgoingMail;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An application's email address takes no mail (every mail refused for good) and its company's NIB is wrong: the
 * front office corrects both, with a reason, and the refused mail goes to the new address. Once OSS recorded the
 * case or a letter is signed with the company's identity, and after the case closed, only the contact may change.
 */
@HubTest
class ApplicantDataCorrectedByTheOfficeTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate tx;

    @LocalServerPort
    int port;

    @Test
    void theFrontOfficeCorrectsTheContactAlwaysAndTheIdentityUntilALetterIsSigned() throws Exception {
        JsonNode submitted = api.submit(Api.application(881));
        String id = submitted.get("id").asText();
        String code = submitted.get("trackingCode").asText();
        MailTestSupport mail = new MailTestSupport(mailProperties);
        // The receipt first (a mail takes the case's address when it is sent)
        mail.awaitMail("budi881@contoh.co.id", r -> r.subject().contains(code));
        // An address no mail server takes (kept from an intake older than today's checks, which refuse it): the
        // hub's mails to it are refused for good and wait for the office
        String typo = "budi881@@contoh.co.id";
        jdbc.sql("UPDATE application SET applicant_email = ?, applicant_email_key = ? WHERE id = ?")
                .params(typo, typo, id).update();
        tx.executeWithoutResult(s -> outbox.enqueue(new OutgoingMail("uji-koreksi:" + id, id, typo,
                "Pemberitahuan " + code, "Isi pemberitahuan.", List.of())));
        await().atMost(Api.ROUTING_TIMEOUT).until(() -> jdbc.sql("SELECT COUNT(*) FROM mail_undeliverable"
                + " WHERE application_id = ? AND resolved_at IS NULL").param(id).query(Long.class).single() == 1);

        String fixed = "budi881@contoh.co.id";
        Map<String, Object> correction = correction(fixed, "9120001234881", "081234567890",
                "Salah ketik saat pendaftaran; dikonfirmasi lewat telepon");
        assertThat(api.call(HttpMethod.PUT, "/api/applications/" + id + "/applicant-data", correction, "kadis")
                .status()).as("not the front office").isEqualTo(403);
        Map<String, Object> noReason = new LinkedHashMap<>(correction);
        noReason.remove("reason");
        assertThat(put(id, noReason).status()).isEqualTo(400);
        assertThat(put(id, correction(fixed, "912000123", "081234567890", "NIB")).status())
                .as("the submission's own checks").isEqualTo(400);

        Api.Response done = put(id, correction);
        assertThat(done.status()).as("%s", done.body()).isEqualTo(200);
        assertThat(done.body().get("changed")).extracting(JsonNode::asText)
                .containsExactly("company.nib", "applicant.email");
        assertThat(done.body().get("mailsResent").asInt()).isEqualTo(1);
        JsonNode stored = api.getCase(id);
        assertThat(stored.get("applicant").get("email").asText()).isEqualTo(fixed);
        assertThat(stored.get("company").get("nib").asText()).isEqualTo("9120001234881");
        assertThat(mail.awaitMail(fixed, r -> r.subject().equals("Pemberitahuan " + code)).text())
                .contains("Isi pemberitahuan.");
        assertThat(jdbc.sql("SELECT after_json FROM audit_log WHERE application_id = ? AND action = ?")
                .params(id, "APPLICANT_DATA_CORRECTED").query(String.class).single())
                .contains("9120001234881").contains("Salah ketik");
        assertThat(put(id, correction).body().get("changed")).as("the same again changes nothing").isEmpty();

        // Step 4 registers the case in OSS with its identity: from then on only the contact changes
        api.completeRejectBranchThrough(id, 5);
        Api.Response registered = put(id, correction(fixed, "9120001234000", "081234567890", "NIB keliru"));
        assertThat(registered.status()).isEqualTo(409);
        assertThat(registered.body().toString()).contains("OSS has recorded the case");
        // The rejection letter is signed at step 12 with the company's identity
        for (int step = 6; step <= 12; step++) {
            JsonNode task = api.awaitTask(id, step);
            assertThat(api.complete(task.get("taskId").asText(), task.get("actor").asText(),
                    step == 8 ? "reject" : null).status()).as("step %d", step).isEqualTo(200);
        }
        Api.Response late = put(id, correction(fixed, "9120001234000", "081234567890", "NIB keliru"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().toString()).contains("signed");
        assertThat(put(id, correction(fixed, "9120001234881", "0811111881", "Nomor telepon baru")).status())
                .isEqualTo(200);

        // On the case page, the form says so and the refused identity comes back as typed
        WebSession clerk = WebSession.login(port, "front-office");
        String page = new String(clerk.get("/permohonan/" + id).body(), StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"data-locked\"").contains("0811111881");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("applicantName", "Budi Santoso 881");
        form.put("applicantEmail", fixed);
        form.put("applicantPhone", "0811111882");
        form.put("companyName", "PT Kopi Sidikalang Jaya 881");
        form.put("nib", "9120001234999");
        form.put("npwp", "012345678901000");
        form.put("kbli", "10761");
        form.put("address", "Jl. Sisingamangaraja No. 10, Sidikalang");
        form.put("reason", "NIB baru");
        HttpResponse<byte[]> refused = clerk.postMultipart("/permohonan/" + id + "/data-pemohon", page, form,
                "lampiran", "", "application/octet-stream", new byte[0]);
        assertThat(refused.statusCode()).isEqualTo(302);
        String after = new String(clerk.get("/permohonan/" + id).body(), StandardCharsets.UTF_8);
        assertThat(after).contains("tidak dapat diubah lagi").contains("9120001234999");
        assertThat(api.getCase(id).get("applicant").get("phone").asText()).isEqualTo("0811111881");

        form.put("nib", "9120001234881");
        assertThat(clerk.postMultipart("/permohonan/" + id + "/data-pemohon", after, form, "lampiran", "",
                "application/octet-stream", new byte[0]).statusCode()).isEqualTo(302);
        assertThat(new String(clerk.get("/permohonan/" + id).body(), StandardCharsets.UTF_8))
                .contains("Data permohonan diperbaiki (1 isian)");
        assertThat(api.getCase(id).get("applicant").get("phone").asText()).isEqualTo("0811111882");

        // Closed (rejected): the identity stays, the contact may still change for the mails still to come
        for (int step = 13; step <= 15; step++) {
            JsonNode task = api.awaitTask(id, step);
            String actor = task.get("actor").asText();
            // The applicant's receipt of the letter is recorded by the front office, who act for applicants
            assertThat(api.complete(task.get("taskId").asText(), "pemohon".equals(actor) ? "front-office" : actor,
                    null).status())
                    .as("step %d", step).isEqualTo(200);
        }
        api.awaitStatus(id, "REJECTED");
        assertThat(put(id, correction(fixed, "9120001234000", "0811111882", "NIB keliru")).body().toString())
                .contains("REJECTED");
        assertThat(put(id, correction("budi.baru881@contoh.co.id", "9120001234881", "0811111882",
                "Alamat email baru")).status()).isEqualTo(200);
    }

    private Api.Response put(String id, Object body) {
        return api.call(HttpMethod.PUT, "/api/applications/" + id + "/applicant-data", body, "front-office");
    }

    private static Map<String, Object> correction(String email, String nib, String phone, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicant", Map.of("name", "Budi Santoso 881", "email", email, "phone", phone));
        body.put("company", Map.of("name", "PT Kopi Sidikalang Jaya 881", "nib", nib, "npwp", "012345678901000",
                "address", "Jl. Sisingamangaraja No. 10, Sidikalang", "kbli", "10761"));
        body.put("reason", reason);
        return body;
    }
}
