package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * A front-office clerk logs in, sees a new case arrive in the inbox by itself (polling), takes the next task with
 * the button, and completes the completeness check from the task page: the task the inbox's queue order names
 * is the one taken, and the case moves on to step 3.
 */
@HubTest
class ClerkTakesNextTaskBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void clerkTakesTheNextTaskAndCompletesIt() {
        try (Browser browser = Browser.open(port)) {
            browser.login("front-office");
            browser.screenshot("01-beranda-front-office");
            browser.go("/kotak-masuk/front-office");
            assertThat(browser.text(By.tagName("h1"))).contains("Kotak masuk");

            // The case arrives after the page was drawn: the page must refresh by itself.
            JsonNode submitted = api.submit(Api.application(701));
            String caseId = submitted.get("id").asText();
            JsonNode task = api.awaitTask(caseId, 2);
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("tr[data-task-id='" + task.get("taskId").asText() + "']")));
            browser.screenshot("02-kotak-masuk-front-office");

            // Other tests share this hub, so an older task of theirs may wait in the same inbox: the button takes
            // whichever the queue order names first.
            String expected = oldestUnclaimed();
            browser.find(By.id("take-next")).click();
            browser.waitFor(ExpectedConditions.urlContains("/tugas/" + expected));
            assertThat(browser.text(By.id("kelengkapan"))).isNotBlank();
            JsonNode first = api.call(HttpMethod.GET, "/api/tasks/" + expected, null, "front-office").body();
            assertThat(first.get("claimedBy").asText()).isEqualTo("front-office");

            String own = task.get("taskId").asText();
            if (!own.equals(expected)) {
                browser.go("/tugas/" + own);
                browser.find(By.id("claim")).click();
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
            }
            browser.screenshot("03-tugas-langkah-2");
            JsonNode taken = api.call(HttpMethod.GET, "/api/tasks/" + own, null, "front-office").body();
            assertThat(taken.get("claimedBy").asText()).isEqualTo("front-office");
            assertThat(taken.get("step").asInt()).isEqualTo(2);

            new Select(browser.find(By.id("outcome"))).selectByValue("complete");
            browser.find(By.id("note")).sendKeys("Berkas lengkap, diperiksa di loket");
            browser.find(By.id("complete")).click();
            browser.waitFor(ExpectedConditions.urlContains("/kotak-masuk/front-office"));
            assertThat(browser.text(By.cssSelector("p.notice"))).contains("selesai");

            JsonNode done = api.call(HttpMethod.GET, "/api/tasks/" + own, null, "front-office").body();
            assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
            api.awaitTask(taken.get("applicationId").asText(), 3);
        }
    }

    private String oldestUnclaimed() {
        for (JsonNode t : api.call(HttpMethod.GET, "/api/inbox/front-office", null, "front-office").body()) {
            if (t.get("claimedBy") == null || t.get("claimedBy").isNull()) {
                return t.get("taskId").asText();
            }
        }
        throw new AssertionError("the front-office inbox has no unclaimed task");
    }
}
