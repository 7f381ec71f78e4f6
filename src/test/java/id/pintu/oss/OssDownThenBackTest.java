package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While OSS is down the step-4 calls fail and are retried with backoff (the next step does not start); once OSS is
 * back every case continues to step 5, each with exactly one OSS record, and no call became a failure.
 */
@HubTest
class OssDownThenBackTest extends OssSandboxReset {

    @Test
    void casesWaitForOssAndContinueOnceItIsBack() {
        List<String> ids = List.of(steps.toStep4(611), steps.toStep4(612), steps.toStep4(613));
        long mark = steps.lastSandboxRequest();
        steps.sandbox(Map.of("down", true));
        for (String id : ids) {
            steps.complete(id, 4, "front-office", null);
        }

        // OSS refused calls while it was down, and no case went on to step 5.
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() ->
                assertThat(steps.sandboxRequestsSince(mark)).filteredOn(r -> r.get("httpStatus").asInt() == 503)
                        .hasSizeGreaterThanOrEqualTo(3));
        for (String id : ids) {
            assertThat(api.openTask(id)).isEmpty();
        }

        steps.sandbox(Map.of("down", false));

        for (String id : ids) {
            api.awaitTask(id, 5);
            assertThat(steps.sandboxRecords(id, 4)).as("records of %s", id).hasSize(1);
            JsonNode oss = steps.oss(id);
            assertThat(oss.get("calls").get(0).get("status").asText()).isEqualTo("DONE");
            assertThat(oss.get("failures")).isEmpty();
        }
        for (String id : ids) {
            // One next task each: the completion of step 4 led to step 5 exactly once.
            assertThat(api.getCase(id).get("tasks")).hasSize(1);
        }
    }
}
