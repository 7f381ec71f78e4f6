package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An applicant phones the office: the front office finds the case by what the applicant says (part of the company's
 * name, the NIB, the tracking code, the email) and sees where it stands, whose step is open and whether it is late,
 * its data, dossier, documents and history, without holding the step's actor. The head of office opens the same page;
 * staff who neither answer applicants nor supervise are refused it. Typed wildcards are searched for as text.
 */
@HubTest
class CaseLookupBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void frontOfficeFindsACaseByWhatTheApplicantSaysAndSeesWhereItStands() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String company = "PT Cari Kasus " + tag + " Makmur";
        String nib = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L));
        String email = "cari-" + tag + "@contoh.co.id";
        Map<String, Object> application = new HashMap<>(Api.application(60));
        application.put("applicant", Map.of("name", "Sari Lestari", "email", email, "phone", "081234567890"));
        application.put("company", Map.of("name", company, "nib", nib, "npwp", "012345678901000",
                "address", "Jl. Pahlawan No. 3, Sidikalang", "kbli", "10761"));
        JsonNode created = api.submit(application);
        String id = created.get("id").asText();
        String code = created.get("trackingCode").asText();
        api.completeRejectBranchThrough(id, 4);
        api.awaitTask(id, 5);

        try (Browser browser = Browser.open(port)) {
            browser.login("front-office");
            browser.find(By.id("nav-cases")).click();
            browser.find(By.id("q")).sendKeys("cari kasus " + tag);
            browser.find(By.id("search")).click();
            assertThat(rows(browser)).containsExactly(code);
            assertThat(browser.text(By.cssSelector("#case-" + code + " .case-status"))).isEqualTo("Sedang diproses");
            browser.screenshot("18-cari-permohonan");

            for (String said : List.of(nib, code.toLowerCase(), email.toUpperCase())) {
                browser.go("/permohonan?q=" + said);
                assertThat(rows(browser)).as("searched for %s", said).containsExactly(code);
            }
            browser.go("/permohonan?q=" + nib + "&sop=izin-perluasan-usaha-industri");
            assertThat(rows(browser)).containsExactly(code);
            browser.go("/permohonan?q=" + nib + "&sop=izin-reklame");
            assertThat(browser.driver().findElements(By.id("cases-none"))).as("another SOP's cases only").hasSize(1);
            browser.go("/permohonan?q=%25");
            assertThat(browser.driver().findElements(By.id("cases-none"))).as("%% is text, not a wildcard").hasSize(1);

            browser.go("/permohonan?q=" + nib);
            browser.find(By.linkText(code)).click();
            assertThat(browser.text(By.id("case-title"))).isEqualTo("Permohonan " + code + " · " + company);
            assertThat(browser.text(By.id("case-status"))).isEqualTo("Status: Sedang diproses.");
            assertThat(browser.text(By.cssSelector("#open-5 .open-actor")))
                    .isEqualTo("Backoffice / Ka Seksi Pelayanan I");
            assertThat(browser.text(By.cssSelector("#open-5 .open-holder"))).isEqualTo("belum diambil");
            assertThat(browser.driver().findElements(By.cssSelector("#open-5 a")))
                    .as("no link to a task of an actor the clerk does not hold").isEmpty();
            assertThat(browser.text(By.id("company-name"))).isEqualTo(company);
            List<String> history = browser.driver().findElements(By.cssSelector("ol.timeline > li > strong")).stream()
                    .map(WebElement::getText).toList();
            assertThat(history).hasSize(5);
            assertThat(history.get(0)).startsWith("1. ");
            assertThat(history.get(4)).startsWith("5. ");
            assertThat(browser.driver().findElements(By.cssSelector("ol.timeline > li.done"))).hasSize(4);
            assertThat(browser.driver().findElements(By.cssSelector("#case-documents a")))
                    .as("the receipt and the routing slip made at steps 2 and 4").isNotEmpty();
            browser.screenshot("19-permohonan");
        }

        try (Browser head = Browser.open(port)) {
            head.login("kadis");
            head.go("/permohonan/" + id);
            assertThat(head.text(By.id("case-title"))).startsWith("Permohonan " + code);
        }
        try (Browser other = Browser.open(port)) {
            other.login("tim-teknis");
            assertThat(other.driver().findElements(By.id("nav-cases"))).isEmpty();
            other.go("/permohonan/" + id);
            assertThat(other.driver().getTitle()).contains("Akses ditolak");
            other.go("/permohonan?q=" + code);
            assertThat(other.driver().getTitle()).contains("Akses ditolak");
        }
    }

    private static List<String> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#cases-table tbody tr")).stream()
                .map(r -> r.getAttribute("id").substring("case-".length())).toList();
    }
}
