package id.pintu.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.Prometheus;
import id.pintu.web.Browser;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * With the demo set-up (SOP with minute waktu, 24/7 calendar, a scan every second), a task left alone reminds its
 * actor's queue at 80% of its time and, once due, the supervisor's escalation queue and mail (with a link to the
 * case's page); supervisors see it and may release or reassign the task, and nobody else may; the one given the task
 * is told by email. Each level is counted once in {@code pintu_escalations_total}.
 */
@HubTest
@AutoConfigureObservability
@Import(SlaTestClock.class)
@TestPropertySource(properties = {
        "pintu.sop.directory=config/sop-demo",
        "pintu.calendar.hours-file=always-open.yaml",
        "pintu.sla.scan-cron=* * * * * ?"})
class EscalationToQueuesEndToEndTest {

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @Autowired
    JmsTemplate jms;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    MailProperties mailProperties;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void leftAloneTheTaskRemindsThenEscalatesToTheSupervisor() throws Exception {
        JsonNode created = api.submit(Api.application(7));
        String id = created.get("id").asText();
        JsonNode task = api.awaitTask(id, 2); // front office, 2 Menit in the demo SOP
        String taskId = task.get("taskId").asText();
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + taskId + "/claim", null, "front-office").status())
                .isEqualTo(200);

        clock.set(SlaTestClock.START.plusSeconds(100)); // 83% of two minutes
        JsonNode reminder = receive("pintu.reminder.front-office");
        assertThat(reminder.get("taskId").asText()).isEqualTo(taskId);
        assertThat(reminder.get("level").asInt()).isEqualTo(1);
        assertThat(reminder.get("claimedBy").asText()).isEqualTo("front-office");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(escalations("reminder")).isEqualTo(1.0));

        clock.set(SlaTestClock.START.plusSeconds(125));
        JsonNode breach = receive("pintu.escalation.backoffice");
        assertThat(breach.get("taskId").asText()).isEqualTo(taskId);
        assertThat(breach.get("level").asInt()).isEqualTo(2);
        assertThat(breach.get("notifiedActor").asText()).isEqualTo("backoffice");
        // The supervisor's mail names the step and links to the case's page, where the task is released or reassigned
        MailTestSupport.Received mail = new MailTestSupport(mailProperties).awaitMail(
                "kasi.pelayanan1@dpmptsp.dairikab.go.id",
                r -> r.subject().equals("[Pintu] Batas waktu terlampaui: langkah 2 permohonan "
                        + created.get("trackingCode").asText()));
        assertThat(mail.text()).contains("(front-office)")
                .contains(mailProperties.publicUrl("/permohonan/" + id));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(escalations("breach")).isEqualTo(1.0));
        assertThat(escalations("reminder")).as("the later scans fired nothing again").isEqualTo(1.0);

        JsonNode seen = api.call(HttpMethod.GET, "/api/escalations?actor=backoffice", null, "backoffice").body();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get("taskId").asText()).isEqualTo(taskId);
        assertThat(api.call(HttpMethod.GET, "/api/escalations?actor=backoffice", null, "front-office").status())
                .isEqualTo(403);
        JsonNode sla = api.call(HttpMethod.GET, "/api/applications/" + id + "/sla", null, "backoffice").body();
        assertThat(sla.get("openTasks").get(0).get("escalationLevel").asInt()).isEqualTo(2);
        assertThat(sla.get("openTasks").get(0).get("overdue").asBoolean()).isTrue();

        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + taskId + "/release", null, "front-office").status())
                .as("the clerk does not supervise the front office").isEqualTo(403);
        JsonNode released = api.call(HttpMethod.POST, "/api/tasks/" + taskId + "/release", null, "backoffice").body();
        assertThat(released.get("claimedBy")).isNull();
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + taskId + "/reassign", Map.of("to", "tim-teknis"),
                "kadis").status()).as("tim-teknis does not hold front-office").isEqualTo(422);
        JsonNode reassigned = api.call(HttpMethod.POST, "/api/tasks/" + taskId + "/reassign", Map.of("to", "admin"),
                "kadis").body();
        assertThat(reassigned.get("claimedBy").asText()).isEqualTo("admin");
        // The one given the task is told at the address of the users file, with the link to the task
        MailTestSupport.Received given = new MailTestSupport(mailProperties).awaitMail("admin.si@dpmptsp.dairikab.go.id",
                m -> m.subject().equals("[Pintu] Tugas dialihkan kepada Anda: langkah 2 permohonan "
                        + created.get("trackingCode").asText()));
        assertThat(given.text()).contains("Yth. Administrator Sistem,",
                "Drs. MARISI SIANTURI, M.Si memberikan kepada Anda tugas berikut:", "Langkah          : 2. ",
                mailProperties.publicUrl("/tugas/" + taskId));
        assertThat(api.complete(taskId, "admin", "complete").status()).isEqualTo(200);

        // The case's page tells the head of office what happened to step 2, in order
        try (Browser kadis = Browser.open(port)) {
            kadis.login("kadis");
            kadis.go("/permohonan/" + id);
            assertThat(kadis.driver().findElements(By.cssSelector("#history-" + taskId + " li.mark")))
                    .extracting(WebElement::getText)
                    .satisfiesExactly(
                            r -> assertThat(r).matches("Pengingat mutu baku dikirim .+ WIB ke .+\\."),
                            b -> assertThat(b).matches("Mutu baku terlewati: dilaporkan .+ WIB kepada atasan, .+\\."),
                            rel -> assertThat(rel).matches(
                                    "Dilepas .+ WIB oleh atasan backoffice dari front-office; .+\\."),
                            re -> assertThat(re).matches("Diberikan .+ WIB oleh atasan kadis kepada admin\\."));
            assertThat(kadis.driver().findElements(By.cssSelector("#history-" + taskId + " li.mark.breach")))
                    .hasSize(1);
        }
    }

    /** Escalations of step 2 at one level, as Prometheus reads them. */
    private double escalations(String level) {
        String scrape = rest.withBasicAuth("admin", "demo").getForObject("/actuator/prometheus", String.class);
        return Prometheus.sum(scrape, "pintu_escalations_total", "level=\"" + level + "\"", "step=\"2\"");
    }

    private JsonNode receive(String queue) throws Exception {
        jms.setReceiveTimeout(500);
        Message[] got = new Message[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> (got[0] = jms.receive(queue)) != null);
        return json.readTree(((TextMessage) got[0]).getText());
    }
}
