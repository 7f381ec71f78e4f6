package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.intake.MailTestSupport;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The clarification mail's "Catatan petugas" is the note of the decision that asked for it: a second round decided
 * without a note says "-", not the first round's note again (which asked for what the applicant has since sent).
 */
@HubTest
class ClarificationMailCarriesTheDecisionsNoteTest {

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Test
    void eachRoundCarriesItsOwnDecisionsNote() {
        JsonNode created = api.submit(Api.application(14));
        String id = created.get("id").asText();
        String code = created.get("trackingCode").asText();
        String applicant = "budi14@contoh.co.id";
        MailTestSupport mail = new MailTestSupport(mailProperties);

        decideIncomplete(id, Map.of("outcome", "incomplete", "note", "Lampirkan NPWP perusahaan"));
        assertThat(mail.awaitMail(applicant, r -> r.subject().contains("perlu dilengkapi")).text())
                .contains("Catatan petugas: Lampirkan NPWP perusahaan");

        assertThat(api.call(HttpMethod.POST, "/api/track/" + code + "/confirm",
                Map.of("token", created.get("token").asText(), "note", "NPWP terlampir"), null).status())
                .isEqualTo(200);
        decideIncomplete(id, Map.of("outcome", "incomplete"));
        MailTestSupport.Received second = mail.awaitMail(applicant, r -> r.subject().contains("perlu dilengkapi")
                && !r.text().contains("Lampirkan NPWP perusahaan"));
        assertThat(second.text()).contains("Catatan petugas: -");
    }

    private void decideIncomplete(String id, Map<String, String> body) {
        JsonNode step2 = api.awaitTask(id, 2);
        while (!step2.get("actor").asText().equals("front-office")) {
            step2 = api.awaitTask(id, 2);
        }
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + step2.get("taskId").asText() + "/complete", body,
                "front-office").status()).isEqualTo(200);
        api.awaitStatus(id, "AWAITING_APPLICANT");
    }
}
