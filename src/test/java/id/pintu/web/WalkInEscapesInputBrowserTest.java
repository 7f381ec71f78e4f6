package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.DocumentStore;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.ApplicationRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The front office registers a walk-in applicant: bad identity numbers and files that are not a PDF/JPEG/PNG are
 * refused with the field's message, every refused file named with the email intake's reason, and nothing is stored;
 * a script typed into the form is stored as text and shown as text (never run) on the receipt and on the task page,
 * and the scans are kept with the case, in its dossier.
 */
@HubTest
class WalkInEscapesInputBrowserTest {

    private static final String SCRIPT = "<script>window.pwned=1</script><b>Budi</b> Loket";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    DocumentStore documents;

    @Test
    void walkInIsValidatedStoredAndShownEscaped() throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.login("front-office");
            browser.go("/loket/baru");
            Path ktp = TestFiles.png("KTP.png");
            Path ktpAgain = Files.copy(ktp, ktp.resolveSibling("KTP lagi.png"));
            Path docx = Files.writeString(ktp.resolveSibling("surat.docx"), "PK\u0003\u0004word/document.xml");
            fill(browser, "123", TestFiles.fakePdf("akta.pdf") + "\n" + ktp + "\n" + ktpAgain + "\n" + docx);
            browser.find(By.id("register")).click();
            assertThat(browser.text(By.id("form-errors"))).isNotBlank();
            assertThat(browser.driver().findElements(By.cssSelector("p.field-error")))
                    .extracting(WebElement::getText)
                    .contains("NIB harus 13 angka.");
            // Every refused scan at once, with the reason the email intake gives for the same file.
            assertThat(browser.driver().findElements(By.cssSelector("#scans-errors li")))
                    .extracting(WebElement::getText)
                    .containsExactly(
                            "Berkas akta.pdf tidak diterima: isi file bukan PDF, JPG atau PNG (walaupun namanya"
                                    + " berakhiran .pdf).",
                            "Berkas KTP lagi.png sama isinya dengan berkas KTP.png; pilih setiap pindaian sekali saja.",
                            "Berkas surat.docx tidak diterima: file .docx tidak diterima; simpan atau cetak sebagai PDF,"
                                    + " lalu kirim ulang.");
            assertThat(browser.find(By.id("applicantName")).getAttribute("value")).isEqualTo(SCRIPT);
            browser.screenshot("08-loket-galat-validasi");

            browser.go("/loket/baru");
            fill(browser, "9120.0012.34567", TestFiles.pdf("surat permohonan.pdf", "Surat permohonan") + "\n"
                    + TestFiles.png("Scan KTP.png"));
            browser.screenshot("09-loket-isian");
            browser.find(By.id("register")).click();
            String code = browser.text(By.id("receipt-code"));
            assertThat(browser.text(By.id("receipt-token"))).hasSizeGreaterThan(20);
            // The printed receipt promises when the office's work ends at the latest.
            assertThat(browser.text(By.id("receipt-latest-finish"))).matches("\\d{1,2} \\S+ 20\\d\\d \\d{2}\\.\\d{2} WIB");
            assertThat(browser.text(By.id("receipt-applicant"))).isEqualTo(SCRIPT);
            assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
            browser.screenshot("10-loket-tanda-terima");

            var app = applications.findByTrackingCode(code).orElseThrow();
            assertThat(app.applicant().name()).isEqualTo(SCRIPT);
            assertThat(app.company().nib()).isEqualTo("9120001234567");
            assertThat(app.channel()).isEqualTo("loket");
            assertThat(documents.ofApplication(app.id()))
                    .extracting(d -> d.kind() + "|" + d.contentType())
                    .containsExactlyInAnyOrder("surat-permohonan|application/pdf", "ktp-penanggung-jawab|image/png");

            JsonNode task = api.awaitTask(app.id(), 2);
            browser.go("/tugas/" + task.get("taskId").asText());
            assertThat(browser.text(By.id("applicant-name"))).isEqualTo(SCRIPT);
            assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("viewer")));
            browser.screenshot("11-tugas-dengan-dokumen");
        }
    }

    private static void fill(Browser browser, String nib, String files) {
        browser.find(By.id("applicantName")).sendKeys(SCRIPT);
        browser.find(By.id("applicantEmail")).sendKeys("loket@contoh.co.id");
        browser.find(By.id("applicantPhone")).sendKeys("0812 3456 7890");
        browser.find(By.id("companyName")).sendKeys("CV Kopi \"Dairi\" & Sons");
        browser.find(By.id("nib")).sendKeys(nib);
        browser.find(By.id("npwp")).sendKeys("01.234.567.8-901.000");
        browser.find(By.id("kbli")).sendKeys("10761");
        browser.find(By.id("address")).sendKeys("Jl. Pahlawan No. 1, Sidikalang");
        browser.find(By.id("description")).sendKeys("Perluasan gudang");
        browser.find(By.id("scans")).sendKeys(files);
    }
}
