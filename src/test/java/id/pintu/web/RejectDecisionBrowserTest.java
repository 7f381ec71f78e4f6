package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.DocumentStore;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;

/**
 * The back office decides step 8 in the browser and takes the reject branch (with the recommendation uploaded as
 * the step's output); the case then runs the rejection letter's steps, and the applicant, on the tracking page
 * with code and token, confirms receipt (step 15) and sees the case rejected, without any staff name or note.
 */
@HubTest
class RejectDecisionBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    DocumentStore documents;

    @Autowired
    WebFormat format;

    @Test
    void decisionInTheBrowserTakesTheRejectBranchAndTheApplicantSeesIt() throws Exception {
        JsonNode submitted = api.submit(Api.application(702));
        String caseId = submitted.get("id").asText();
        for (int step : new int[] {2, 3, 4, 5, 6, 7}) {
            String outcome = step == 2 ? "complete" : step == 5 ? "verified" : null;
            String user = step <= 4 ? "front-office" : step == 5 ? "backoffice" : "tim-teknis";
            api.complete(api.awaitTask(caseId, step).get("taskId").asText(), user, outcome);
        }
        String decision = api.awaitTask(caseId, 8).get("taskId").asText();

        try (Browser browser = Browser.open(port)) {
            browser.login("backoffice");
            assertThat(browser.path()).startsWith("/kotak-masuk/backoffice");
            browser.find(By.cssSelector("tr[data-task-id='" + decision + "'] a")).click();
            browser.waitFor(ExpectedConditions.urlContains("/tugas/" + decision));
            new Select(browser.find(By.id("outcome"))).selectByValue("reject");
            String note = "Lokasi tidak sesuai tata ruang\n(catatan internal)";
            browser.find(By.id("note")).sendKeys(note);
            // A report that is no PDF is refused: the page comes back with the decision and the note as typed
            java.nio.file.Path notPdf = java.nio.file.Files.createTempFile("notulen", ".docx");
            java.nio.file.Files.writeString(notPdf, "notulen rapat, bukan PDF");
            browser.find(By.id("berkas")).sendKeys(notPdf.toString());
            browser.find(By.id("complete")).click();
            assertThat(browser.text(By.cssSelector("p.error"))).isNotBlank();
            assertThat(new Select(browser.find(By.id("outcome"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("reject");
            assertThat(browser.find(By.id("note")).getAttribute("value")).isEqualTo(note);
            browser.find(By.id("berkas")).sendKeys(
                    TestFiles.pdf("rekomendasi.pdf", "Rekomendasi: tidak direkomendasikan").toString());
            browser.screenshot("04-tugas-keputusan-langkah-8");
            browser.find(By.id("complete")).click();
            browser.waitFor(ExpectedConditions.urlContains("/kotak-masuk/backoffice"));
        }
        JsonNode step9 = api.awaitTask(caseId, 9);
        // On the reject branch now: the applicant sees step 9's due date and when the office ends at the latest.
        String code = submitted.get("trackingCode").asText();
        String token = submitted.get("token").asText();
        JsonNode tracked = api.call(HttpMethod.GET, "/api/track/" + code + "?token=" + token, null, null).body();
        assertThat(tracked.get("stepDueAt").asText()).isEqualTo(step9.get("dueAt").asText());
        Instant latest = Instant.parse(tracked.get("latestFinish").asText());
        assertThat(latest).isAfter(Instant.parse(step9.get("dueAt").asText()));
        try (Browser applicant = Browser.open(port)) {
            applicant.go("/lacak?kode=" + code + "&token=" + token);
            // As the page writes dates: its Indonesian default.
            LocaleContextHolder.setLocale(WebMvcConfig.INDONESIAN);
            try {
                assertThat(applicant.text(By.id("step-due")))
                        .isEqualTo(format.time(Instant.parse(step9.get("dueAt").asText())));
                assertThat(applicant.text(By.id("latest-finish"))).isEqualTo(format.time(latest));
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
            applicant.screenshot("04b-lacak-selesai-paling-lambat");
        }
        assertThat(documents.ofApplication(caseId))
                .anySatisfy(d -> {
                    assertThat(d.kind()).isEqualTo("rekomendasi");
                    assertThat(d.contentType()).isEqualTo("application/pdf");
                    assertThat(d.stepNo()).isEqualTo(8);
                });

        for (int step = 9; step <= 14; step++) {
            JsonNode t = api.awaitTask(caseId, step);
            api.complete(t.get("taskId").asText(), t.get("actor").asText(), null);
        }
        api.awaitTask(caseId, 15);

        try (Browser applicant = Browser.open(port)) {
            applicant.go("/lacak");
            applicant.find(By.id("kode")).sendKeys(submitted.get("trackingCode").asText());
            applicant.find(By.id("token")).sendKeys(submitted.get("token").asText());
            applicant.find(By.id("track-submit")).click();
            assertThat(applicant.text(By.id("case-status"))).isEqualTo("Sedang diproses");
            assertThat(applicant.text(By.id("timeline"))).contains("Pemberian Rekomendasi")
                    .doesNotContain("backoffice").doesNotContain("catatan internal").doesNotContain("Dewi");
            applicant.screenshot("05-lacak-menunggu-konfirmasi");
            applicant.find(By.id("confirm-receipt")).click();
            // The case closes asynchronously (routing after the confirmation); the page shows it once reloaded.
            api.awaitStatus(caseId, "REJECTED");
            applicant.driver().navigate().refresh();
            applicant.waitFor(ExpectedConditions.textToBe(By.id("case-status"), "Ditolak"));
            applicant.screenshot("06-lacak-ditolak");
            applicant.phoneScreenshot("06b-lacak-ditolak-ponsel");
        }
        api.awaitStatus(caseId, "REJECTED");
    }
}
