package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Step 2 "incomplete" makes the case wait for the applicant (AWAITING_APPLICANT, a clarification task of the
 * applicant); the applicant's confirmation with the case's token brings step 2 back to the front office. A wrong
 * token opens nothing.
 */
@HubTest
class ClarificationStopsTheCaseUntilTheApplicantAnswersTest {

    @Autowired
    Api api;

    @Test
    void applicantAnswersWithTheTokenAndStepTwoComesBack() {
        JsonNode created = api.submit(Api.application(11));
        String id = created.get("id").asText();
        String code = created.get("trackingCode").asText();
        String token = created.get("token").asText();

        JsonNode firstLook = api.awaitTask(id, 2);
        String step2 = firstLook.get("taskId").asText();
        // While the office works on it, the applicant sees the step's due date and when the office ends at the latest.
        JsonNode working = api.call(HttpMethod.GET, "/api/track/" + code + "?token=" + token, null, null).body();
        assertThat(working.get("stepDueAt").asText()).isEqualTo(firstLook.get("dueAt").asText());
        assertThat(Instant.parse(working.get("latestFinish").asText()))
                .isAfter(Instant.parse(firstLook.get("dueAt").asText()).plus(Duration.ofDays(4)));
        assertThat(api.complete(step2, "front-office", "incomplete").status()).isEqualTo(200);
        api.awaitStatus(id, "AWAITING_APPLICANT");
        JsonNode clarification = api.awaitTask(id, 2);
        assertThat(clarification.get("actor").asText()).isEqualTo("pemohon");
        assertThat(clarification.get("kind").asText()).isEqualTo("CLARIFICATION");

        Api.Response wrong = api.call(HttpMethod.POST, "/api/track/" + code + "/confirm",
                Map.of("token", "salah", "note", "x"), null);
        assertThat(wrong.status()).isEqualTo(404);

        Api.Response tracked = api.call(HttpMethod.GET, "/api/track/" + code + "?token=" + token, null, null);
        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.body().get("waitingForYou").get("kind").asText()).isEqualTo("CLARIFICATION");
        // The office's clock stops while it waits for the applicant: no date is promised then.
        assertThat(tracked.body().path("stepDueAt").asText(null)).isNull();
        assertThat(tracked.body().path("latestFinish").asText(null)).isNull();
        assertThat(tracked.body().toString()).doesNotContain("front-office\"").doesNotContain("note");

        Api.Response answered = api.call(HttpMethod.POST, "/api/track/" + code + "/confirm",
                Map.of("token", token, "note", "Berkas NPWP sudah kami lampirkan"), null);
        assertThat(answered.status()).isEqualTo(200);

        JsonNode again = api.awaitTask(id, 2);
        assertThat(again.get("actor").asText()).isEqualTo("front-office");
        api.awaitStatus(id, "IN_PROGRESS");
        assertThat(api.complete(again.get("taskId").asText(), "front-office", "complete").status()).isEqualTo(200);
        api.awaitTask(id, 3);
    }

    @Test
    void anApplicantWithALongAddressAnswersToo() {
        // 78 characters: an address a company's mail server may well give (completed_by took 254, claimed_by 64)
        String email = "bagian.perizinan.dan.hubungan.masyarakat.perusahaan@pt-kopi-sidikalang-jaya.co.id";
        Map<String, Object> application = new java.util.HashMap<>(Api.application(12));
        application.put("applicant", Map.of("name", "Budi Santoso", "email", email, "phone", "081234567890"));
        JsonNode created = api.submit(application);
        String id = created.get("id").asText();
        String code = created.get("trackingCode").asText();
        String token = created.get("token").asText();
        assertThat(api.complete(api.awaitTask(id, 2).get("taskId").asText(), "front-office", "incomplete").status())
                .isEqualTo(200);
        api.awaitStatus(id, "AWAITING_APPLICANT");

        Api.Response tooLong = api.call(HttpMethod.POST, "/api/track/" + code + "/confirm",
                Map.of("token", token, "note", "x".repeat(2001)), null);
        assertThat(tooLong.status()).as("a note longer than the record holds: %s", tooLong.body()).isEqualTo(400);
        Api.Response answered = api.call(HttpMethod.POST, "/api/track/" + code + "/confirm",
                Map.of("token", token, "note", "Sudah kami lengkapi"), null);
        assertThat(answered.status()).as("%s", answered.body()).isEqualTo(200);
        JsonNode again = api.awaitTask(id, 2);
        assertThat(again.get("actor").asText()).isEqualTo("front-office");
        JsonNode history = api.getCase(id).get("history");
        assertThat(history.findValuesAsText("completedBy")).contains(email);

        Api.Response withdrawTooLong = api.call(HttpMethod.POST, "/api/applications/" + id + "/withdraw",
                Map.of("note", "y".repeat(2001)), "front-office");
        assertThat(withdrawTooLong.status()).as("%s", withdrawTooLong.body()).isEqualTo(422);
        assertThat(api.getCase(id).get("status").asText()).isEqualTo("IN_PROGRESS");
    }
}
