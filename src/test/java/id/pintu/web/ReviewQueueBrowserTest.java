package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * An email that made no case reaches the front office on a page, not only IT's API: the menu counts what waits, the
 * review page shows the sender, the reason and the original to download, and a clerk marks it handled with a note,
 * which takes it off the list and is kept with it; a reply sent from a colleague's address is attached to the case it
 * names, its file joining the dossier. Other staff are refused the page.
 */
@HubTest
class ReviewQueueBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Test
    void clerkSeesTheEmailsThatMadeNoCaseAndHandlesThem() throws Exception {
        String sender = "tinjau-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        String subject = "Tanya izin gudang " + UUID.randomUUID().toString().substring(0, 8);
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(sender, subject, "Selamat siang.\nNIB: 123\nBagaimana caranya?", Map.of(), null, null));
        String id = api.awaitReview(sender).get("id").asText();
        String item = "review-" + id;

        try (Browser browser = Browser.open(port)) {
            browser.login("front-office");
            assertThat(browser.text(By.id("nav-review"))).matches("Tinjauan email \\(\\d+\\)");
            browser.find(By.id("nav-review")).click();
            assertThat(browser.text(By.cssSelector("#" + item + " .review-subject"))).isEqualTo(subject);
            assertThat(browser.text(By.cssSelector("#" + item + " .review-sender"))).isEqualTo(sender);
            assertThat(browser.text(By.cssSelector("#" + item + " .review-reason"))).contains("NIB harus 13 angka");
            String href = browser.find(By.cssSelector("#" + item + " .review-raw")).getAttribute("href");
            assertThat(browser.driver().executeScript("return fetch(arguments[0]).then(r => r.text().then(t => r.status + '|'"
                    + " + r.headers.get('content-type') + '|' + t.includes(arguments[1])))", href, subject))
                    .isEqualTo("200|message/rfc822|true");
            browser.screenshot("16-tinjauan-email");

            browser.find(By.id("note-" + id)).sendKeys("Sudah ditelepon; pemohon datang ke loket besok.");
            browser.find(By.id("handle-" + id)).click();
            assertThat(browser.text(By.cssSelector("p.notice")))
                    .isEqualTo("Email \"" + subject + "\" ditandai sudah ditangani.");
            assertThat(browser.driver().findElements(By.id(item))).isEmpty();

            browser.find(By.id("show-all")).click();
            assertThat(browser.text(By.cssSelector("#" + item + " .review-handled"))).startsWith("oleh front-office, ");
            assertThat(browser.text(By.cssSelector("#" + item + " .review-note")))
                    .isEqualTo("Sudah ditelepon; pemohon datang ke loket besok.");
            assertThat(browser.driver().findElements(By.id("handle-" + id))).isEmpty();
        }
        JsonNode listed = null;
        for (JsonNode r : api.call(HttpMethod.GET, "/api/intake-review", null, "front-office").body()) {
            if (id.equals(r.get("id").asText())) {
                listed = r;
            }
        }
        assertThat(listed.get("handledBy").asText()).isEqualTo("front-office");

        // A reply from a colleague's address lands in the review queue; the clerk attaches it to its case.
        JsonNode created = api.submit(Api.application(52));
        String code = created.get("trackingCode").asText();
        api.awaitTask(created.get("id").asText(), 2);
        String colleague = "rekan-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        mail.send(mail.message(colleague, "Re: [" + code + "] Kelengkapan berkas", "Terlampir NPWP kami.",
                MailTestSupport.pdfs(java.util.List.of("npwp")), null, null));
        String[] reply = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode r : api.call(HttpMethod.GET, "/api/intake-review", null, "front-office").body()) {
                if (colleague.equals(r.path("sender").asText())) {
                    reply[0] = r.get("id").asText();
                    return true;
                }
            }
            return false;
        });
        try (Browser browser = Browser.open(port)) {
            browser.login("front-office");
            browser.go("/tinjauan");
            assertThat(browser.text(By.cssSelector("#review-" + reply[0] + " .review-reason")))
                    .contains("bukan alamat pemohon");
            assertThat(browser.find(By.id("case-" + reply[0])).getAttribute("value")).isEqualTo(code);
            browser.find(By.id("attach-" + reply[0])).click();
            assertThat(browser.text(By.cssSelector("p.notice"))).startsWith("Email dilampirkan ke permohonan " + code
                    + ": 1 berkas diterima, 0 ditolak.");
            assertThat(browser.driver().findElements(By.id("review-" + reply[0]))).isEmpty();
        }
        JsonNode dossier = api.call(HttpMethod.GET, "/api/applications/" + created.get("id").asText() + "/dossier",
                null, "front-office").body();
        boolean npwpPresent = false;
        for (JsonNode i : dossier.get("required")) {
            npwpPresent |= i.get("key").asText().equals("npwp") && i.get("status").asText().equals("PRESENT");
        }
        assertThat(npwpPresent).as("dossier %s", dossier).isTrue();
        for (JsonNode r : api.call(HttpMethod.GET, "/api/intake-review", null, "front-office").body()) {
            if (reply[0].equals(r.get("id").asText())) {
                assertThat(r.get("handledNote").asText()).startsWith("Dilampirkan ke permohonan " + code);
            }
        }

        try (Browser other = Browser.open(port)) {
            other.login("backoffice");
            assertThat(other.driver().findElements(By.id("nav-review"))).isEmpty();
            other.go("/tinjauan");
            assertThat(other.driver().getTitle()).contains("Akses ditolak");
        }
    }
}
