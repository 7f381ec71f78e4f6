package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.survey.SatisfactionSurvey;
import id.pintu.workflow.WorkflowException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The applicant confirms receipt of the rejection letter on the tracking page; the case closes and the page offers
 * the Survei Kepuasan Masyarakat (the nine elements of Peraturan Menteri PANRB 14/2017, from config/survey/skm.yaml).
 * Answered, it is recorded once, and the head of office's dashboard shows this year's Indeks Kepuasan Masyarakat:
 * the mean of the elements' means times 25, with its grade. An open case offers no survey.
 */
@HubTest
class SatisfactionSurveyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    SatisfactionSurvey survey;

    @Test
    void theApplicantRatesTheServiceOnceTheCaseIsClosedAndTheDashboardShowsTheIndex() {
        JsonNode created = api.submit(Api.application(83));
        String id = created.get("id").asText();
        String track = "/lacak?kode=" + created.get("trackingCode").asText() + "&token="
                + created.get("token").asText();
        api.completeRejectBranchThrough(id, 14);
        api.awaitTask(id, 15);
        JsonNode open = api.submit(Api.application(84));

        try (Browser applicant = Browser.open(port)) {
            applicant.go("/lacak?kode=" + open.get("trackingCode").asText() + "&token=" + open.get("token").asText());
            applicant.find(By.id("timeline"));
            assertThat(applicant.driver().findElements(By.id("survei"))).as("an open case offers no survey").isEmpty();

            applicant.go(track);
            applicant.find(By.id("confirm-receipt")).click();
            assertThat(applicant.text(By.cssSelector("p.notice")))
                    .isEqualTo("Terima kasih, penerimaan telah dikonfirmasi.");
            assertThat(applicant.driver().findElements(By.cssSelector("#survey-form fieldset"))).hasSize(9);
            assertThat(applicant.text(By.cssSelector("#skm-persyaratan legend"))).isEqualTo("1. Bagaimana pendapat"
                    + " Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?");
            for (String key : new String[] {"persyaratan", "prosedur", "produk", "kompetensi", "perilaku", "pengaduan",
                    "sarana"}) {
                applicant.find(By.id("skm-" + key + "-4")).click();
            }
            applicant.find(By.id("skm-waktu-3")).click();
            applicant.find(By.id("saran")).sendKeys("Mohon jadwal peninjauan diberitahukan lebih awal.");
            applicant.find(By.id("survey-submit")).click();
            // A question left unanswered: the browser does not send the form
            assertThat(applicant.driver().findElements(By.id("survey-done"))).isEmpty();
            applicant.find(By.id("skm-biaya-3")).click();
            applicant.screenshot("22-lacak-survei");
            applicant.find(By.id("survey-submit")).click();
            assertThat(applicant.text(By.cssSelector("p.notice")))
                    .isEqualTo("Terima kasih, jawaban survei Anda telah kami catat.");
            assertThat(applicant.text(By.id("survey-done"))).startsWith("Anda telah mengisi survei kepuasan untuk"
                    + " permohonan ini pada ");
            assertThat(applicant.driver().findElements(By.id("survey-form"))).isEmpty();
        }

        Instant at = survey.answeredAt(id).orElseThrow();
        SatisfactionSurvey.Index mine = survey.index(at, at.plusMillis(1));
        // Seven elements at 4, two at 3: (7 x 4 + 2 x 3) / 9 x 25 = 94.44, grade A
        assertThat(mine.respondents()).isEqualTo(1);
        assertThat(mine.value()).isEqualTo(94.44);
        assertThat(mine.grade()).isEqualTo("A");
        assertThat(mine.elements()).filteredOn(e -> e.element().key().equals("biaya")).singleElement()
                .satisfies(e -> assertThat(e.mean()).isEqualTo(3.0));

        Map<String, String> again = new HashMap<>();
        survey.elements().forEach(e -> again.put(e.key(), "1"));
        assertThatThrownBy(() -> survey.answer(id, again, null)).as("once per case")
                .isInstanceOfSatisfying(WorkflowException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkflowException.Reason.CONFLICT));
        again.put("waktu", "5");
        again.remove("sarana");
        assertThatThrownBy(() -> survey.answer(open.get("id").asText(), again, null))
                .isInstanceOfSatisfying(WorkflowException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("unanswered: waktu, sarana"));

        // The same figures for publication: GET /api/reports/ikm for a period of days (both included)
        String day = at.atZone(java.time.ZoneId.of("Asia/Jakarta")).toLocalDate().toString();
        JsonNode report = api.call(org.springframework.http.HttpMethod.GET, "/api/reports/ikm?from=" + day + "&to="
                + day, null, "kadis").body();
        assertThat(report.get("from").asText()).isEqualTo(day);
        assertThat(report.at("/index/respondents").asLong()).isPositive();
        assertThat(report.at("/index/elements").findValuesAsText("key")).hasSize(9).contains("persyaratan", "sarana");
        assertThat(report.at("/index/grade").asText()).matches("[ABCD]");

        try (Browser kadis = Browser.open(port)) {
            kadis.login("kadis");
            kadis.go("/dasbor");
            assertThat(kadis.text(By.id("ikm-value")))
                    .matches("IKM \\d{2,3},\\d\\d: mutu [ABCD] \\((Sangat Baik|Baik|Kurang Baik|Tidak Baik)\\), dari"
                            + " \\d+ responden\\.");
            assertThat(kadis.driver().findElements(By.cssSelector("#ikm-elements tbody tr"))).hasSize(9);
        }
    }
}
