package id.pintu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * Due dates come from the office calendar: a task entered on a Friday evening starts counting on Monday morning,
 * one entered before a national holiday skips it; the case's path and fiktif-positif deadlines are shown too.
 */
@HubTest
@Import(SlaTestClock.class)
class DueDatesOnTheOfficeCalendarTest {

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @Test
    void fridayEveningSubmissionIsDueMondayMorning() {
        clock.set(Instant.parse("2026-07-10T10:00:00Z")); // Friday 17:00 WIB, after closing (16:30)
        String id = api.submit(Api.application(11)).get("id").asText();
        JsonNode task = api.awaitTask(id, 2); // 2 Jam
        assertThat(Instant.parse(task.get("dueAt").asText())).isEqualTo(Instant.parse("2026-07-13T03:00:00Z"));

        JsonNode sla = api.call(HttpMethod.GET, "/api/applications/" + id + "/sla", null, "front-office").body();
        assertThat(sla.get("openTasks").get(0).get("overdue").asBoolean()).isFalse();
        assertThat(sla.get("path").get("remainingSteps").get(0).asInt()).isEqualTo(3);
        java.util.List<Integer> remaining = new java.util.ArrayList<>();
        sla.get("path").get("remainingSteps").forEach(n -> remaining.add(n.asInt()));
        assertThat(remaining).as("the longer, reject branch (8 h 15 min against 5 h 45 min)").contains(9, 15)
                .doesNotContain(16);
        // 10 working days counted from Monday 08:00 (the first working moment after the submission).
        Instant fiktif = Instant.parse(sla.get("fiktifPositif").get("deadline").asText());
        assertThat(fiktif).isAfter(Instant.parse("2026-07-24T00:00:00Z")).isBefore(Instant.parse("2026-07-27T02:00:00Z"));
        assertThat(Instant.parse(sla.get("path").get("dueAt").asText())).isBefore(fiktif);
    }

    @Test
    void stepBeforeANationalHolidaySkipsIt() {
        clock.set(Instant.parse("2026-08-14T08:00:00Z")); // Friday 14 Aug 15:00 WIB; Monday 17 Aug is a holiday
        String id = api.submit(Api.application(12)).get("id").asText();
        JsonNode task = api.awaitTask(id, 2); // 2 Jam: 1.5 h on Friday, 0.5 h on Tuesday
        assertThat(Instant.parse(task.get("dueAt").asText())).isEqualTo(Instant.parse("2026-08-18T01:30:00Z"));
    }
}
