package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.audit.AuditTrail;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.ApplicationRepository;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The front office checks a walk-in dossier on the task page: the scans were matched by name to the SOP's required
 * documents, each requirement shows present or missing, and a scan whose name says nothing ("scan001.pdf") is
 * recorded as the document it is with one choice; the dossier API shows the same correction, and the applicant's
 * /lacak shows the checklist with their own files, apart from the office's letters. Documents brought to the counter
 * later are added from the task page, each judged, a file already in the case refused.
 */
@HubTest
class DossierChecklistBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Test
    void clerkSeesTheChecklistAndRecordsAnUnnamedScan() throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.login("front-office");
            browser.go("/loket/baru");
            browser.find(By.id("applicantName")).sendKeys("Sari Loket");
            browser.find(By.id("applicantEmail")).sendKeys("sari@contoh.co.id");
            browser.find(By.id("companyName")).sendKeys("CV Tenun Toba");
            browser.find(By.id("nib")).sendKeys("9120001234568");
            browser.find(By.id("npwp")).sendKeys("012345678901000");
            browser.find(By.id("kbli")).sendKeys("13121");
            browser.find(By.id("address")).sendKeys("Jl. Sisingamangaraja 2, Balige");
            java.nio.file.Path ktp = TestFiles.png("KTP direktur.png");
            browser.find(By.id("scans")).sendKeys(TestFiles.pdf("Surat Permohonan.pdf", "Surat permohonan") + "\n"
                    + ktp + "\n" + TestFiles.pdf("scan001.pdf", "NPWP perusahaan"));
            browser.find(By.id("register")).click();
            String code = browser.text(By.id("receipt-code"));
            String token = browser.text(By.id("receipt-token"));
            String caseId = applications.findByTrackingCode(code).orElseThrow().id();

            JsonNode task = api.awaitTask(caseId, 2);
            browser.go("/tugas/" + task.get("taskId").asText());
            assertThat(browser.text(By.id("dossier-summary")))
                    .isEqualTo("6 dokumen persyaratan belum ada atau berkasnya tidak dapat diterima.");
            assertThat(status(browser, "surat-permohonan")).isEqualTo("Ada");
            assertThat(status(browser, "ktp-penanggung-jawab")).isEqualTo("Ada");
            assertThat(status(browser, "npwp")).isEqualTo("Belum ada");
            assertThat(browser.text(By.id("dossier-unmatched"))).contains("scan001.pdf");
            browser.screenshot("14-tugas-kelengkapan-berkas");

            String scanId = api.call(HttpMethod.GET, "/api/applications/" + caseId + "/dossier", null, "front-office")
                    .body().get("unmatched").get(0).get("documentId").asText();
            new Select(browser.find(By.id("as-" + scanId))).selectByVisibleText("NPWP perusahaan");
            browser.find(By.id("save-" + scanId)).click();
            assertThat(browser.text(By.cssSelector("p.notice")))
                    .isEqualTo("Berkas scan001.pdf dicatat sebagai NPWP perusahaan.");
            assertThat(status(browser, "npwp")).isEqualTo("Ada");
            assertThat(browser.text(By.id("req-npwp"))).contains("scan001.pdf", "(dicatat oleh front-office)");
            assertThat(browser.driver().findElements(By.id("dossier-unmatched"))).isEmpty();
            // The document itself now has the requirement's kind, as the documents list shows.
            assertThat(browser.text(By.cssSelector("ul.docs"))).contains("scan001.pdf npwp");
            assertThat(browser.text(By.id("dossier-summary")))
                    .isEqualTo("5 dokumen persyaratan belum ada atau berkasnya tidak dapat diterima.");

            JsonNode dossier = api.call(HttpMethod.GET, "/api/applications/" + caseId + "/dossier", null,
                    "front-office").body();
            JsonNode npwp = null;
            for (JsonNode item : dossier.get("required")) {
                if (item.get("key").asText().equals("npwp")) {
                    npwp = item;
                }
            }
            assertThat(npwp.get("status").asText()).isEqualTo("PRESENT");
            assertThat(npwp.get("files").get(0).get("matchedBy").asText()).isEqualTo("front-office");
            // Who recorded which file as what is in the audit trail.
            assertThat(jdbc.sql("SELECT actor, before_json, after_json FROM audit_log WHERE action = 'DOSSIER_CORRECTED'"
                    + " AND subject = ?").param(scanId)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).single())
                    .isEqualTo("front-office {\"file\":\"scan001.pdf\",\"matchedBy\":\"pintu-intake\"}"
                            + " {\"file\":\"scan001.pdf\",\"requirement\":\"npwp\"}");
            assertThat(audit.verify().ok()).as("audit chain %s", audit.verify()).isTrue();

            // The applicant sees the same checklist on /lacak, their own files apart from the office's letters.
            browser.go("/lacak?kode=" + code + "&token=" + token);
            assertThat(browser.text(By.id("dossier-summary")))
                    .isEqualTo("5 dokumen persyaratan belum kami terima atau berkasnya tidak dapat diterima.");
            assertThat(status(browser, "npwp")).isEqualTo("Ada");
            assertThat(status(browser, "nib")).isEqualTo("Belum ada");
            assertThat(browser.text(By.id("req-npwp"))).contains("scan001.pdf").doesNotContain("front-office");
            assertThat(browser.text(By.id("h-letters")).isEmpty()).isFalse();
            assertThat(browser.driver().findElements(By.cssSelector("section[aria-labelledby=h-letters] li")))
                    .extracting(WebElement::getText)
                    .noneMatch(t -> t.contains("scan001.pdf") || t.contains("Surat Permohonan.pdf"));
            browser.screenshot("15-lacak-kelengkapan-berkas");
            browser.find(By.linkText("scan001.pdf")).click();
            assertThat(browser.path()).startsWith("/lacak/dokumen/" + scanId);

            // The applicant brings more documents to the counter: the clerk adds them to the dossier from the task.
            java.nio.file.Path docx = java.nio.file.Files.writeString(ktp.resolveSibling("NIB.docx"), "PK\u0003\u0004x");
            browser.go("/tugas/" + task.get("taskId").asText());
            browser.find(By.id("add-scans")).sendKeys(TestFiles.pdf("Akta Pendirian.pdf", "Akta") + "\n" + docx + "\n"
                    + ktp);
            browser.find(By.id("add-scans-submit")).click();
            assertThat(browser.text(By.cssSelector("p.notice"))).isEqualTo("1 berkas ditambahkan ke berkas permohonan.");
            assertThat(browser.driver().findElements(By.cssSelector("#add-scans-errors li")))
                    .extracting(WebElement::getText)
                    .containsExactly("Berkas NIB.docx tidak diterima: file .docx tidak diterima; simpan atau cetak"
                                    + " sebagai PDF, lalu kirim ulang.",
                            "Berkas KTP direktur.png sudah ada dalam berkas permohonan (sebagai KTP direktur.png).");
            assertThat(status(browser, "akta-pendirian")).isEqualTo("Ada");
            assertThat(browser.text(By.id("dossier-summary")))
                    .isEqualTo("4 dokumen persyaratan belum ada atau berkasnya tidak dapat diterima.");
        }
    }

    private static String status(Browser browser, String requirement) {
        WebElement row = browser.find(By.id("req-" + requirement));
        return row.findElement(By.cssSelector(".req-status")).getText();
    }
}
