package id.pintu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.web.Browser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The back office clerk took a step 5 task and goes on annual leave the next week (an absence in the acting file).
 * On the first day of the leave the task goes back to the role's inbox, with the audit entry and the case's history
 * saying who is away and until when; the clerk holds no role while away, a supervisor cannot hand the task to them,
 * and the head of office's dashboard says that nobody present holds the back office's role and who is away. After
 * the leave the clerk works again.
 */
@HubTest
@Import(SlaTestClock.class)
@TestPropertySource(properties = "pintu.acting.file=src/test/resources/acting/plh-and-leave.yaml")
class TasksOfAClerkOnLeaveGoBackTest {

    /** 10 January 2027, 23:30 WIB: the evening before the leave. */
    private static final Instant EVE = Instant.parse("2027-01-10T16:30:00Z");
    /** 11 January 2027, 08:00 WIB: its first day. */
    private static final Instant FIRST_DAY = Instant.parse("2027-01-11T01:00:00Z");
    /** 16 January 2027, 08:00 WIB: the day after its last. */
    private static final Instant BACK = Instant.parse("2027-01-16T01:00:00Z");

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @Autowired
    StrandedClaims stranded;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void theTaskGoesBackToTheInboxWhenTheLeaveBegins() {
        clock.set(SlaTestClock.START);
        String id = api.submit(Api.application(981)).get("id").asText();
        api.completeRejectBranchThrough(id, 4);
        String task = api.awaitTask(id, 5).get("taskId").asText();
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + task + "/claim", null, "backoffice").status())
                .isEqualTo(200);

        clock.set(EVE);
        stranded.check();
        assertThat(holder(task)).as("the evening before the leave").isEqualTo("backoffice");

        clock.set(FIRST_DAY);
        stranded.check();
        assertThat(holder(task)).as("back in the role's inbox").isNull();
        List<String> trail = jdbc.sql("SELECT action || ' by ' || actor || ': ' || after_json FROM audit_log"
                        + " WHERE subject = ? AND action = 'TASK_RELEASED' ORDER BY seq")
                .param(task).query(String.class).list();
        assertThat(trail).containsExactly("TASK_RELEASED by system: {\"step\":5,\"actor\":\"backoffice\","
                + "\"awayUntil\":\"2027-01-15\",\"awayReason\":\"Cuti tahunan\"}");
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + task + "/claim", null, "backoffice").status())
                .as("no role while away").isEqualTo(403);
        Api.Response reassign = api.call(HttpMethod.POST, "/api/tasks/" + task + "/reassign",
                Map.of("to", "backoffice"), "kabid-pelayanan");
        assertThat(reassign.status()).isEqualTo(422);
        assertThat(reassign.body().toString())
                .contains("backoffice is away today (Cuti tahunan) until 2027-01-15, so cannot perform step 5");

        try (Browser kabid = Browser.open(port)) {
            kabid.login("kabid-pelayanan");
            kabid.go("/permohonan/" + id);
            assertThat(kabid.driver().findElements(By.cssSelector("#history-" + task + " li.mark")))
                    .extracting(WebElement::getText)
                    .filteredOn(text -> text.startsWith("Dikembalikan"))
                    .singleElement().asString()
                    .matches("Dikembalikan .+ WIB ke kotak masuk perannya: backoffice tidak hadir \\(Cuti tahunan\\)"
                            + " sampai 15 Jan 2027\\.");
            assertThat(kabid.driver().findElements(By.cssSelector("#to-" + task + " option")))
                    .extracting(o -> o.getAttribute("value")).as("nobody away is offered").doesNotContain("backoffice");
        }
        try (Browser clerk = Browser.open(port)) {
            clerk.login("backoffice");
            assertThat(clerk.driver().findElement(By.id("home-away")).getText()).isEqualTo("Anda tercatat tidak hadir"
                    + " (Cuti tahunan) sampai 15 Jan 2027: selama itu Anda tidak memegang peran apa pun, dan tugas yang"
                    + " Anda pegang kembali ke kotak masuk perannya.");
        }
        try (Browser kadis = Browser.open(port)) {
            kadis.login("kadis");
            kadis.go("/dasbor");
            assertThat(kadis.driver().findElement(By.id("unheld-actors")).getText())
                    .startsWith("Hari ini tidak ada petugas hadir yang memegang peran: ")
                    .contains("Backoffice / Ka Seksi Pelayanan I");
            assertThat(kadis.driver().findElement(By.id("away-today")).getText())
                    .isEqualTo("Tidak hadir hari ini: backoffice (Cuti tahunan) sampai 15 Jan 2027");
        }

        clock.set(BACK);
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + task + "/claim", null, "backoffice").status())
                .as("back from leave").isEqualTo(200);
        assertThat(stranded.check()).as("the clerk holds the task again").isZero();
        assertThat(holder(task)).isEqualTo("backoffice");
    }

    private String holder(String taskId) {
        return jdbc.sql("SELECT claimed_by FROM task WHERE id = ?").param(taskId).query(String.class).optional()
                .orElse(null);
    }
}
