package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.DocumentStore;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
            browser.find(By.id("note")).sendKeys("Lokasi tidak sesuai tata ruang (catatan internal)");
            browser.find(By.id("berkas")).sendKeys(
                    TestFiles.pdf("rekomendasi.pdf", "Rekomendasi: tidak direkomendasikan").toString());
            browser.screenshot("04-tugas-keputusan-langkah-8");
            browser.find(By.id("complete")).click();
            browser.waitFor(ExpectedConditions.urlContains("/kotak-masuk/backoffice"));
        }
        api.awaitTask(caseId, 9);
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
