package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A scan too large for the counter: the page refuses it before sending, keeping what the clerk typed; a browser
 * that sends it anyway (no script) past the servlet's multipart limit comes back to the form with the limits said,
 * not to a bare 413 or a reset connection, and so does a task's completion form (the task stays open); the API
 * answers 413 with the limits. Nothing is registered.
 */
@HubTest
class UploadTooLargeBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Test
    void tooLargeScansAreRefusedWithTheLimitAndNothingIsStored() throws Exception {
        Path dir = Files.createTempDirectory("pintu-big-");
        Path eleven = sized(dir.resolve("akta besar.pdf"), 11L * 1024 * 1024);
        Path huge = sized(dir.resolve("pindaian 26MB.pdf"), 26L * 1024 * 1024);
        try (Browser browser = Browser.open(port)) {
            browser.login("front-office");
            browser.go("/loket/baru");
            browser.find(By.id("applicantName")).sendKeys("Tetap Terisi");
            browser.find(By.id("scans")).sendKeys(eleven.toString());
            assertThat(browser.text(By.id("scans-size")))
                    .isEqualTo("Berkas akta besar.pdf terlalu besar (paling besar 10 MB); pilih berkas yang lebih kecil.");
            browser.find(By.id("register")).click();
            assertThat(browser.path()).isEqualTo("/loket/baru");
            assertThat(browser.find(By.id("applicantName")).getAttribute("value")).isEqualTo("Tetap Terisi");
            assertThat(browser.script("return document.activeElement.id")).isEqualTo("scans");

            // Without the page's script the browser sends it: past the multipart limit the form comes back.
            browser.go("/loket/baru");
            browser.find(By.id("applicantName")).sendKeys("Tanpa Skrip");
            // A form whose scans are checked by no script (as in a browser with scripts off): a clone of the input.
            browser.script("var i = document.getElementById('scans'); var c = i.cloneNode(true);"
                    + " c.removeAttribute('data-max-bytes'); i.replaceWith(c);");
            browser.find(By.id("scans")).sendKeys(huge.toString());
            browser.find(By.id("register")).click();
            assertThat(browser.text(By.cssSelector("p.error[role=alert]"))).isEqualTo("Unggahan terlalu besar untuk"
                    + " dikirim: setiap berkas paling besar 10 MB dan semuanya sekaligus paling besar 100 MB. Tidak ada"
                    + " yang disimpan; isi formulir dan pilih berkasnya lagi.");
            assertThat(browser.path()).isEqualTo("/loket/baru");

            // The same on a task's completion form: back to the task, which stays open.
            String caseId = api.submit(Api.application(7)).get("id").asText();
            String taskId = api.awaitTask(caseId, 2).get("taskId").asText();
            browser.go("/tugas/" + taskId);
            browser.script("var i = document.getElementById('berkas'); var c = i.cloneNode(true);"
                    + " c.removeAttribute('data-max-bytes'); i.replaceWith(c);");
            browser.find(By.id("berkas")).sendKeys(huge.toString());
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("outcome"))).selectByValue("complete");
            browser.find(By.id("complete")).click();
            assertThat(browser.text(By.cssSelector("p.error[role=alert]"))).startsWith("Unggahan terlalu besar");
            assertThat(browser.path()).isEqualTo("/tugas/" + taskId);
            assertThat(api.openTask(caseId).orElseThrow().get("taskId").asText()).isEqualTo(taskId);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE applicant_name IN ('Tetap Terisi', 'Tanpa Skrip')")
                .query(Long.class).single()).isZero();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new FileSystemResource(huge));
        ResponseEntity<String> api = rest.postForEntity("/api/verify", new HttpEntity<>(body, headers), String.class);
        assertThat(api.getStatusCode().value()).isEqualTo(413);
        JsonNode error = new ObjectMapper().readTree(api.getBody());
        assertThat(error.get("error").asText()).contains("25 MB per file", "100 MB per request");
    }

    private static Path sized(Path file, long bytes) throws Exception {
        Files.writeString(file, "%PDF-1.7\n");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }
}
