package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.sla.MutableClock;
import id.pintu.sla.SlaTestClock;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * An acting official (Plh. Kadis) holds the Kadis's role for the days of the appointment only, both ends
 * included, in the office's time zone: before and after it the Sekretaris is refused at a Kadis step; within it
 * they complete it, and the history records who did.
 */
@HubTest
@Import(SlaTestClock.class)
@TestPropertySource(properties = "pintu.acting.file=src/test/resources/acting/plh-and-leave.yaml")
class ActingOfficialHoldsTheRoleOnlyForItsDatesTest {

    /** 20 December 2026, 23:30 WIB: the evening before the appointment starts. */
    private static final Instant EVE = Instant.parse("2026-12-20T16:30:00Z");
    /** 21 December 2026, 00:30 WIB: its first day. */
    private static final Instant FIRST_DAY = Instant.parse("2026-12-20T17:30:00Z");
    /** 1 January 2027, 08:00 WIB: the day after its last. */
    private static final Instant AFTER = Instant.parse("2027-01-01T01:00:00Z");

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @Test
    void sekretarisActsAsKadisOnlyWithinTheAppointment() {
        clock.set(SlaTestClock.START);
        String id = api.submit(Api.application(977)).get("id").asText();
        api.completeRejectBranchThrough(id, 12);
        String step13 = api.awaitTask(id, 13).get("taskId").asText();

        clock.set(EVE);
        assertThat(api.complete(step13, "sekretaris", null).status()).as("the evening before").isEqualTo(403);
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + step13 + "/claim", null, "sekretaris").status())
                .isEqualTo(403);

        clock.set(FIRST_DAY);
        assertThat(api.complete(step13, "sekretaris", null).status()).as("first day of the appointment")
                .isEqualTo(200);
        String step14 = api.awaitTask(id, 14).get("taskId").asText();

        clock.set(AFTER);
        assertThat(api.complete(step14, "sekretaris", null).status()).as("after the appointment").isEqualTo(403);
        assertThat(api.complete(step14, "kadis", null).status()).isEqualTo(200);

        JsonNode history = api.getCase(id).get("history");
        assertThat(completedBy(history, 13)).isEqualTo("sekretaris");
        assertThat(completedBy(history, 14)).isEqualTo("kadis");
    }

    private static String completedBy(JsonNode history, int step) {
        for (JsonNode h : history) {
            if (h.get("step").asInt() == step) {
                return h.get("completedBy").asText();
            }
        }
        throw new AssertionError("step " + step + " not in the history " + history);
    }
}
