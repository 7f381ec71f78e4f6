package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.TaskStatus;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The applicant withdraws an open application on /lacak: nothing happens until the statement is ticked; then the
 * open task is cancelled with the reason, the case is WITHDRAWN, the page says so and offers no second withdrawal,
 * and the applicant's address gets the confirmation mail (which also warns someone who did not do it).
 */
@HubTest
class WithdrawOnTrackingPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    TaskRepository tasks;

    @Test
    void applicantWithdrawsAfterTickingTheStatement() throws Exception {
        Map<String, Object> application = new HashMap<>(Api.application(41));
        String email = "cabut-" + System.nanoTime() + "@contoh.co.id";
        application.put("applicant", Map.of("name", "Rina Cabut", "email", email, "phone", "081234567890"));
        JsonNode created = api.submit(application);
        String id = created.get("id").asText();
        String code = created.get("trackingCode").asText();
        String taskId = api.awaitTask(id, 2).get("taskId").asText();

        try (Browser browser = Browser.open(port)) {
            browser.go("/lacak?kode=" + code + "&token=" + created.get("token").asText());
            browser.find(By.cssSelector("#withdraw > summary")).click();
            browser.find(By.id("alasan")).sendKeys("Lokasi perluasan batal disewa.");
            browser.find(By.id("withdraw-submit")).click();
            // The statement is required: the browser does not send the form, the case stays open.
            assertThat(browser.path()).startsWith("/lacak?kode=");
            assertThat(api.getCase(id).get("status").asText()).isEqualTo("IN_PROGRESS");

            browser.find(By.id("setuju")).click();
            browser.screenshot("17-lacak-cabut");
            browser.find(By.id("withdraw-submit")).click();
            assertThat(browser.text(By.cssSelector("p.notice")))
                    .isEqualTo("Permohonan Anda telah dicabut. Email konfirmasi dikirim ke alamat pemohon.");
            assertThat(browser.driver().findElements(By.id("withdraw"))).isEmpty();
        }
        assertThat(api.awaitStatus(id, "WITHDRAWN")).isEqualTo("WITHDRAWN");
        Task task = tasks.find(taskId).orElseThrow();
        assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(task.note()).isEqualTo("Dicabut oleh pemohon melalui halaman lacak: Lokasi perluasan batal disewa.");

        MailTestSupport.Received mail = new MailTestSupport(mailProperties)
                .awaitMail(email, r -> r.subject().contains("Permohonan dicabut"));
        assertThat(mail.subject()).isEqualTo("[" + code + "] Permohonan dicabut");
        assertThat(mail.text()).contains("atas permintaan", "Bila Anda tidak merasa mencabut permohonan ini");
    }
}
