package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A clerk took a task and is away: the Kabid, who supervises the clerk's role, finds the case, releases the task
 * back to the role's inbox and hands it to a member of staff who holds the role, from the case's page; what the page
 * did is what the API shows, and both are in the audit trail with who held the task before and after. The front
 * office, who may look the case up but supervises nobody above it, is offered neither.
 */
@HubTest
class SupervisorOnCasePageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void supervisorReleasesAndReassignsAStuckTask() {
        JsonNode created = api.submit(Api.application(61));
        String id = created.get("id").asText();
        api.completeRejectBranchThrough(id, 4);
        String taskId = api.awaitTask(id, 5).get("taskId").asText();
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + taskId + "/claim", null, "backoffice").status())
                .isEqualTo(200);

        try (Browser clerk = Browser.open(port)) {
            clerk.login("front-office");
            clerk.go("/permohonan/" + id);
            assertThat(clerk.text(By.cssSelector("#open-5 .open-holder"))).isEqualTo("backoffice");
            assertThat(clerk.driver().findElements(By.id("release-" + taskId))).isEmpty();
            assertThat(clerk.driver().findElements(By.id("reassign-" + taskId))).isEmpty();
        }

        try (Browser kabid = Browser.open(port)) {
            kabid.login("kabid-pelayanan");
            kabid.find(By.id("nav-cases")).click();
            kabid.find(By.id("q")).sendKeys(created.get("trackingCode").asText());
            kabid.find(By.id("search")).click();
            kabid.find(By.linkText(created.get("trackingCode").asText())).click();

            kabid.find(By.id("release-" + taskId)).click();
            assertThat(kabid.text(By.cssSelector("p.notice"))).isEqualTo(
                    "Tugas langkah 5 dilepas dari backoffice; kini dapat diambil siapa pun yang memegang perannya.");
            assertThat(kabid.text(By.cssSelector("#open-5 .open-holder"))).isEqualTo("belum diambil");
            assertThat(api.getCase(id).get("tasks").get(0).path("claimedBy").textValue()).isNull();

            new Select(kabid.find(By.id("to-" + taskId))).selectByValue("backoffice");
            kabid.screenshot("20-permohonan-atasan");
            kabid.find(By.id("reassign-" + taskId)).click();
            assertThat(kabid.text(By.cssSelector("p.notice")))
                    .isEqualTo("Tugas langkah 5 dialihkan kepada backoffice.");
            assertThat(kabid.text(By.id("notice-mail")))
                    .isEqualTo("Pemberitahuan dikirim ke dewi.nainggolan@dpmptsp.dairikab.go.id.");
            assertThat(kabid.text(By.cssSelector("#open-5 .open-holder"))).isEqualTo("backoffice");
            // The step's history says what the supervisor did, who held the task before and after
            assertThat(kabid.driver().findElements(By.cssSelector("#history-" + taskId + " li.mark")))
                    .extracting(WebElement::getText)
                    .satisfiesExactly(
                            released -> assertThat(released).matches("Dilepas .+ WIB oleh atasan kabid-pelayanan dari"
                                    + " backoffice; kembali ke kotak masuk perannya\\."),
                            given -> assertThat(given).matches(
                                    "Diberikan .+ WIB oleh atasan kabid-pelayanan kepada backoffice\\."));
        }
        assertThat(api.getCase(id).get("tasks").get(0).get("claimedBy").asText()).isEqualTo("backoffice");

        List<String> trail = jdbc.sql("SELECT action || ' by ' || actor || ': ' || before_json || ' -> ' || after_json"
                        + " FROM audit_log WHERE subject = ? AND action LIKE 'TASK_RE%' ORDER BY seq")
                .param(taskId).query(String.class).list();
        // The audit trail leaves out what is empty: an unclaimed task has no claimedBy
        assertThat(trail).containsExactly(
                "TASK_RELEASED by kabid-pelayanan: {\"step\":5,\"actor\":\"backoffice\",\"claimedBy\":\"backoffice\"}"
                        + " -> {\"step\":5,\"actor\":\"backoffice\"}",
                "TASK_REASSIGNED by kabid-pelayanan: {\"step\":5,\"actor\":\"backoffice\"}"
                        + " -> {\"step\":5,\"actor\":\"backoffice\",\"claimedBy\":\"backoffice\"}");
    }
}
