package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user is refused what their roles do not cover: another actor's inbox, another actor's task opened by URL, and
 * the head-of-office dashboard all show the refusal page; without a login every staff page leads to the login.
 */
@HubTest
class RoleRefusedBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void userWithoutTheRoleIsRefused() {
        String caseId = api.submit(Api.application(703)).get("id").asText();
        String frontOfficeTask = api.awaitTask(caseId, 2).get("taskId").asText();
        try (Browser browser = Browser.open(port)) {
            browser.go("/kotak-masuk/front-office");
            assertThat(browser.path()).startsWith("/masuk");

            browser.login("tim-teknis");
            browser.go("/kotak-masuk/front-office");
            assertThat(browser.text(By.id("denied"))).isEqualTo("Akses ditolak");
            browser.screenshot("07-akses-ditolak");

            browser.go("/tugas/" + frontOfficeTask);
            assertThat(browser.text(By.id("denied"))).isEqualTo("Akses ditolak");
            assertThat(browser.driver().getPageSource()).doesNotContain("Budi Santoso 703");

            browser.go("/dasbor");
            assertThat(browser.text(By.id("denied"))).isEqualTo("Akses ditolak");

            browser.go("/loket/baru");
            assertThat(browser.text(By.id("denied"))).isEqualTo("Akses ditolak");
        }
        assertThat(api.openTask(caseId).orElseThrow().hasNonNull("claimedBy")).isFalse();
    }
}
