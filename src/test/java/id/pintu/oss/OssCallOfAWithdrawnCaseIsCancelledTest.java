package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * A case the applicant withdraws while its OSS call waits for OSS (away) is not registered in OSS when OSS comes
 * back: the call is cancelled before its next attempt, no failure is left for staff, the case stays withdrawn with
 * no open task, and the tracking shows no wait for OSS. A failure staff had open for it leaves their list.
 */
@HubTest
class OssCallOfAWithdrawnCaseIsCancelledTest extends OssSandboxReset {

    @Test
    void theRegistrationOfAWithdrawnCaseIsNotSent() {
        JsonNode submitted = api.submit(Api.application(643));
        String id = submitted.get("id").asText();
        steps.complete(id, 2, "front-office", "complete");
        steps.complete(id, 3, "front-office", null);
        api.awaitTask(id, 4);
        long mark = steps.lastSandboxRequest();
        steps.sandbox(Map.of("down", true));
        steps.complete(id, 4, "front-office", null);
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() ->
                assertThat(steps.sandboxRequestsSince(mark)).filteredOn(r -> r.get("httpStatus").asInt() == 503)
                        .isNotEmpty());

        Api.Response withdrawn = api.call(HttpMethod.POST, "/api/applications/" + id + "/withdraw",
                Map.of("note", "pemohon membatalkan"), "front-office");
        assertThat(withdrawn.status()).as("%s", withdrawn.body()).isEqualTo(200);
        steps.sandbox(Map.of("down", false));

        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(steps.oss(id).get("calls"))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("step").asInt()).isEqualTo(4);
                    assertThat(c.get("status").asText()).isEqualTo("CANCELLED");
                    assertThat(c.get("lastError").asText()).contains("withdrawn");
                }));
        assertThat(steps.sandboxRecords(id, 4)).as("nothing registered in OSS").isEmpty();
        assertThat(steps.failures("OPEN").toString()).doesNotContain(id);
        assertThat(api.getCase(id).get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.openTask(id)).isEmpty();
        String track = "/api/track/" + submitted.get("trackingCode").asText() + "?token="
                + submitted.get("token").asText();
        assertThat(api.call(HttpMethod.GET, track, null, null).body().has("pendingWith")).isFalse();
    }

    /** A failure staff had open when the case was withdrawn is no longer in their list. */
    @Test
    void theOpenFailureOfAWithdrawnCaseLeavesTheStaffList() {
        steps.sandbox(Map.of("rejectNext", 1, "rejectKode", 400));
        String id = steps.throughStep4(api.submit(Api.application(644)));
        JsonNode failure = steps.openFailure(id);
        assertThat(api.call(HttpMethod.POST, "/api/applications/" + id + "/withdraw", Map.of(), "front-office")
                .status()).isEqualTo(200);
        assertThat(steps.failures("OPEN").toString()).doesNotContain(failure.get("id").asText());
    }
}
