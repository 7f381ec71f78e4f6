package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.calendar.OfficeCalendar;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The head of office sees the dashboard with its charts drawn by the Chart.js the hub serves itself (no CDN), the
 * open work per step and per actor, the link to the SOP evaluation report, and which year's holidays are not all on
 * record; the page switches to English on request and keeps the choice.
 */
@HubTest
class DashboardBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    OfficeCalendar calendar;

    @Autowired
    Clock clock;

    @Test
    void kadisSeesTheDashboardWithCharts() {
        String caseId = api.submit(Api.application(704)).get("id").asText();
        api.awaitTask(caseId, 2);
        try (Browser browser = Browser.open(port)) {
            browser.login("kadis");
            browser.go("/dasbor");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Dasbor kepala dinas");
            assertThat(browser.script("return typeof Chart")).isEqualTo("function");
            assertThat(browser.script("return document.querySelectorAll('canvas[data-chart]').length"))
                    .isEqualTo(4L);
            assertThat(browser.script(
                    "return Array.from(document.querySelectorAll('canvas')).every(c => Chart.getChart(c) != null)"))
                    .isEqualTo(true);
            assertThat(browser.text(By.id("by-step"))).contains("2. Menerima dan memeriksa kelengkapan berkas");
            assertThat(browser.text(By.id("queues"))).contains("Penerima Berkas / Front Office");
            assertThat(browser.find(By.id("report-link")).getAttribute("href")).endsWith("/dasbor/evaluasi-sop.pdf");
            // The link opens the report with the page's own login (the API's address answered 401: Basic only)
            assertThat(browser.script("var r = new XMLHttpRequest(); r.open('GET',"
                    + " document.getElementById('report-link').href, false); r.send();"
                    + " return r.status + ' ' + r.getResponseHeader('Content-Type') + ' '"
                    + " + r.responseText.startsWith('%PDF-');"))
                    .isEqualTo("200 application/pdf true");
            // The shipped 2027 file lists only the certain days (complete: false), and every October the next year's
            // file is due: so there is always a year to name, until the office completes its files.
            List<OfficeCalendar.Gap> gaps = calendar.gaps(clock.instant());
            assertThat(gaps).isNotEmpty();
            assertThat(browser.script("return Array.from(document.querySelectorAll('#calendar-gaps .warning'))"
                    + ".map(p => p.dataset.year).join(',')"))
                    .isEqualTo(String.join(",", gaps.stream().map(g -> String.valueOf(g.year())).toList()));
            for (OfficeCalendar.Gap g : gaps) {
                assertThat(browser.text(By.id("calendar-gaps"))).contains(g.fileMissing()
                        ? "belum memuat hari libur tahun " + g.year()
                        : "Daftar hari libur tahun " + g.year() + " belum lengkap");
            }
            browser.screenshot("12-dasbor");

            browser.go("/dasbor?lang=en");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Head of office dashboard");
            assertThat(browser.text(By.id("calendar-gaps"))).contains(gaps.get(0).fileMissing()
                    ? "has no holidays for " + gaps.get(0).year() : "for " + gaps.get(0).year() + " is not complete");
            browser.go("/kotak-masuk/kadis");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Inbox: Kadis");
            browser.screenshot("13-inbox-english");
            browser.phoneScreenshot("14-inbox-ponsel");
        }
    }
}
