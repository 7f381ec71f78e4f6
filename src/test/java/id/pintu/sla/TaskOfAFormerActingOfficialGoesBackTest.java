package id.pintu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.web.Browser;
import java.time.Instant;
import java.util.List;
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
 * The Plh. Kadis took a Kadis task on the last day of the appointment and did not finish it. From the next day the
 * Sekretaris cannot complete it, and while it is held the Kadis cannot take it: the hub puts it back in the Kadis's
 * inbox, records it in the audit trail as done by the system, and the case's history says why. A task held by someone
 * who still holds its role stays where it is.
 */
@HubTest
@Import(SlaTestClock.class)
@TestPropertySource(properties = "pintu.acting.file=src/test/resources/acting/plh-and-leave.yaml")
class TaskOfAFormerActingOfficialGoesBackTest {

    /** 31 December 2026, 10:00 WIB: the appointment's last day. */
    private static final Instant LAST_DAY = Instant.parse("2026-12-31T03:00:00Z");
    /** 1 January 2027, 08:00 WIB: the day after it. */
    private static final Instant AFTER = Instant.parse("2027-01-01T01:00:00Z");

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
    void theTaskGoesBackToTheKadisInboxWhenTheAppointmentEnds() {
        clock.set(SlaTestClock.START);
        String id = api.submit(Api.application(978)).get("id").asText();
        api.completeRejectBranchThrough(id, 12);
        String kadisTask = api.awaitTask(id, 13).get("taskId").asText();
        String other = api.submit(Api.application(979)).get("id").asText();
        api.completeRejectBranchThrough(other, 4);
        String backofficeTask = api.awaitTask(other, 5).get("taskId").asText();
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + backofficeTask + "/claim", null, "backoffice").status())
                .isEqualTo(200);

        clock.set(LAST_DAY);
        stranded.check();
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + kadisTask + "/claim", null, "sekretaris").status())
                .as("the Plh takes the task on the appointment's last day").isEqualTo(200);
        stranded.check();
        assertThat(holder(kadisTask)).as("still the Plh's while the appointment runs").isEqualTo("sekretaris");
        assertThat(api.complete(kadisTask, "kadis", null).status()).as("held by the Plh").isEqualTo(409);

        clock.set(AFTER);
        stranded.check();
        assertThat(holder(kadisTask)).as("back in the Kadis's inbox").isNull();
        assertThat(holder(backofficeTask)).as("its holder still holds the role").isEqualTo("backoffice");
        List<String> trail = jdbc.sql("SELECT action || ' by ' || actor || ': ' || before_json || ' -> ' || after_json"
                        + " FROM audit_log WHERE subject = ? AND action = 'TASK_RELEASED' ORDER BY seq")
                .param(kadisTask).query(String.class).list();
        assertThat(trail).containsExactly("TASK_RELEASED by system: {\"step\":13,\"actor\":\"kadis\","
                + "\"claimedBy\":\"sekretaris\"} -> {\"step\":13,\"actor\":\"kadis\"}");
        assertThat(stranded.check()).as("nothing left to release, and the roles did not change").isZero();

        try (Browser kadis = Browser.open(port)) {
            kadis.login("kadis");
            kadis.go("/permohonan/" + id);
            assertThat(kadis.driver().findElements(By.cssSelector("#history-" + kadisTask + " li.mark")))
                    .extracting(WebElement::getText)
                    // the step is long overdue by now, so the SLA's reminder and breach may be listed beside it
                    .filteredOn(text -> text.startsWith("Dikembalikan"))
                    .singleElement().asString()
                    .matches("Dikembalikan .+ WIB ke kotak masuk perannya:"
                            + " sekretaris tidak lagi memegang peran ini\\.");
        }
        assertThat(api.complete(kadisTask, "kadis", null).status()).isEqualTo(200);
    }

    private String holder(String taskId) {
        return jdbc.sql("SELECT claimed_by FROM task WHERE id = ?").param(taskId).query(String.class).optional()
                .orElse(null);
    }
}
