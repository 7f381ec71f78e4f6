package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.WebSession;
import id.pintu.survey.SatisfactionSurvey;
import id.pintu.workflow.WorkflowException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The survey's results for the head of office (/survei): the index per service and the applicants' suggestions,
 * shown without their cases, each followed up once (audited, without the case); the public page /ikm publishes the
 * index per service without any suggestion; staff outside the dashboard's roles are refused.
 */
@HubTest
class SurveyResultsAndSuggestionsBrowserTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    SatisfactionSurvey survey;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theHeadOfOfficeReadsTheSuggestionsWithoutTheirCasesAndRecordsAFollowUpOnce() throws Exception {
        JsonNode industry = api.submit(Api.application(85));
        Map<String, Object> billboard = new HashMap<>(Api.application(86));
        billboard.put("sop", "izin-reklame");
        JsonNode reklame = api.submit(billboard);
        survey.answer(industry.get("id").asText(), scores("4"), "Ruang tunggu loket terlalu panas.");
        survey.answer(reklame.get("id").asText(), scores("2"), "Loket reklame sebaiknya buka lebih pagi.");

        // The index of one service counts that service's answers only: all 2 -> 50.00, grade D
        Instant at = survey.answeredAt(reklame.get("id").asText()).orElseThrow();
        SatisfactionSurvey.Index only = survey.index(at, at.plusMillis(1), "izin-reklame");
        assertThat(only.respondents()).isEqualTo(1);
        assertThat(only.value()).isEqualTo(50.0);
        assertThat(only.grade()).isEqualTo("D");
        LocalDate today = at.atZone(OFFICE).toLocalDate();
        Instant yearStart = today.withDayOfYear(1).atStartOfDay(OFFICE).toInstant();
        Instant tomorrow = today.plusDays(1).atStartOfDay(OFFICE).toInstant();
        SatisfactionSurvey.Index reklameYear = survey.index(yearStart, tomorrow, "izin-reklame");
        String reklameValue = String.format(java.util.Locale.ROOT, "%.2f", reklameYear.value()).replace('.', ',');

        String suggestionId = survey.suggestions(yearStart, tomorrow, "izin-reklame", true, 50).stream()
                .filter(s -> s.text().startsWith("Loket reklame")).findFirst().orElseThrow().id();
        try (Browser kadis = Browser.open(port)) {
            kadis.login("kadis");
            kadis.go("/dasbor");
            assertThat(kadis.text(By.id("ikm-open-suggestions"))).matches("\\d+ saran pemohon belum ditindaklanjuti\\.");
            kadis.find(By.id("ikm-details")).click();
            assertThat(kadis.path()).startsWith("/survei");
            assertThat(kadis.text(By.cssSelector("#ikm-service-izin-reklame td:nth-of-type(2)")))
                    .isEqualTo(reklameValue);
            assertThat(kadis.text(By.cssSelector("#ikm-service-izin-reklame td:nth-of-type(3)")))
                    .isEqualTo(reklameYear.grade() + " (" + grade(reklameYear.grade()) + ")");
            WebElement item = kadis.find(By.id("saran-" + suggestionId));
            assertThat(item.findElement(By.className("suggestion-text")).getText())
                    .isEqualTo("Loket reklame sebaiknya buka lebih pagi.");
            // Anonymous, as the questionnaire promises: neither case is named on the page
            assertThat(kadis.driver().getPageSource()).doesNotContain(reklame.get("trackingCode").asText())
                    .doesNotContain(industry.get("trackingCode").asText())
                    .doesNotContain(reklame.get("id").asText());

            kadis.go("/survei?layanan=izin-reklame");
            assertThat(kadis.text(By.id("ikm-value"))).startsWith("IKM " + reklameValue + ": mutu "
                    + reklameYear.grade());
            assertThat(kadis.driver().findElements(By.cssSelector("#suggestion-items > li")))
                    .as("only the service's suggestions").allSatisfy(li -> assertThat(li.getText())
                            .doesNotContain("Ruang tunggu loket"));
            kadis.find(By.id("follow-up-" + suggestionId)).sendKeys("Mulai 1 Januari loket buka pukul 07.30.");
            kadis.screenshot("23-survei-saran");
            kadis.find(By.id("follow-up-send-" + suggestionId)).click();
            assertThat(kadis.text(By.cssSelector("p.notice"))).isEqualTo("Tindak lanjut saran telah dicatat.");
            assertThat(kadis.path()).contains("layanan=izin-reklame");
            // Followed up: gone from the open list, shown with its record among all
            assertThat(kadis.driver().findElements(By.id("saran-" + suggestionId))).isEmpty();
            kadis.find(By.id("show-all")).click();
            WebElement done = kadis.find(By.id("saran-" + suggestionId));
            assertThat(done.findElement(By.className("suggestion-follow-up")).getText())
                    .isEqualTo("Mulai 1 Januari loket buka pukul 07.30.");
            assertThat(done.findElement(By.className("suggestion-followed-by")).getText()).startsWith("oleh kadis, ");
            assertThat(done.findElements(By.tagName("form"))).isEmpty();

            kadis.go("/survei?dari=2026-13-01");
            assertThat(kadis.text(By.cssSelector("p.error")))
                    .isEqualTo("Tanggal tidak dikenali (contoh 2026-07-31); ditampilkan tahun ini.");
        }
        // The same selection as a printable report under the letterhead, with the follow-up
        WebSession session = WebSession.login(port, "kadis");
        java.net.http.HttpResponse<byte[]> pdf = session.get("/survei/laporan.pdf?layanan=izin-reklame");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT")
                    .contains("Layanan : Penerbitan Izin Reklame")
                    .contains("Indeks (IKM) : " + reklameValue + ", mutu " + reklameYear.grade())
                    .contains("Loket reklame sebaiknya buka lebih pagi. -- Tindak lanjut: Mulai 1 Januari loket buka"
                            + " pukul 07.30. (kadis, ")
                    .doesNotContain(reklame.get("trackingCode").asText())
                    .doesNotContain("Ruang tunggu loket");
        }
        assertThat(session.get("/survei/laporan.pdf?dari=2026-02-30").statusCode()).isEqualTo(422);
        assertThat(api.call(HttpMethod.GET, "/api/reports/ikm.pdf?sop=izin-bangunan", null, "kadis").status())
                .isEqualTo(400);

        assertThatThrownBy(() -> survey.followUp(suggestionId, "lagi", "sekretaris")).as("once")
                .isInstanceOfSatisfying(WorkflowException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkflowException.Reason.CONFLICT));
        assertThatThrownBy(() -> survey.followUp("no-such", "x", "kadis"))
                .isInstanceOfSatisfying(WorkflowException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkflowException.Reason.NOT_FOUND));
        List<String> trail = jdbc.sql("SELECT actor || ' ' || COALESCE(application_id, '-') || ' ' || after_json"
                        + " FROM audit_log WHERE action = 'SURVEY_SUGGESTION_FOLLOWED_UP' AND subject = ?")
                .param(suggestionId).query(String.class).list();
        assertThat(trail).singleElement().asString().startsWith("kadis - ")
                .contains("Mulai 1 Januari loket buka pukul 07.30.");

        try (Browser visitor = Browser.open(port)) {
            visitor.go("/ikm");
            assertThat(visitor.text(By.tagName("h1"))).isEqualTo("Indeks Kepuasan Masyarakat " + today.getYear());
            assertThat(visitor.text(By.id("ikm-value"))).matches("IKM \\d{2,3},\\d\\d: mutu [ABCD] .*");
            assertThat(visitor.text(By.cssSelector("#ikm-service-izin-reklame th"))).isEqualTo("Penerbitan Izin Reklame");
            assertThat(visitor.driver().getPageSource()).doesNotContain("Loket reklame sebaiknya")
                    .doesNotContain("Ruang tunggu loket");
            visitor.go("/ikm?tahun=1999");
            assertThat(visitor.text(By.id("ikm-error"))).isEqualTo("Tahun tidak tersedia; ditampilkan tahun ini.");
            visitor.go("/survei");
            assertThat(visitor.path()).startsWith("/masuk");
        }
        try (Browser clerk = Browser.open(port)) {
            clerk.login("front-office");
            clerk.go("/survei");
            assertThat(clerk.driver().getTitle()).contains("Akses ditolak");
            assertThat(clerk.driver().findElements(By.id("nav-survey"))).isEmpty();
            clerk.go("/survei/laporan.pdf");
            assertThat(clerk.driver().getTitle()).contains("Akses ditolak");
        }

        JsonNode one = api.call(HttpMethod.GET, "/api/reports/ikm?sop=izin-reklame", null, "kadis").body();
        assertThat(one.get("sop").asText()).isEqualTo("izin-reklame");
        assertThat(one.at("/index/respondents").asLong()).isEqualTo(reklameYear.respondents());
        assertThat(one.get("services")).isEmpty();
        JsonNode all = api.call(HttpMethod.GET, "/api/reports/ikm", null, "kadis").body();
        assertThat(all.get("services").findValuesAsText("sop")).contains("izin-perluasan-usaha-industri",
                "izin-reklame");
        assertThat(api.call(HttpMethod.GET, "/api/reports/ikm?sop=izin-bangunan", null, "kadis").status())
                .isEqualTo(400);
    }

    private Map<String, String> scores(String each) {
        Map<String, String> all = new HashMap<>();
        survey.elements().forEach(e -> all.put(e.key(), each));
        return all;
    }

    private static String grade(String g) {
        return switch (g) {
            case "A" -> "Sangat Baik";
            case "B" -> "Baik";
            case "C" -> "Kurang Baik";
            default -> "Tidak Baik";
        };
    }
}
