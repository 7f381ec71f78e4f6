package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OSS stores the step-4 request but its answer never arrives in time: the retry asks OSS (checkLicenseStatus)
 * first, finds the record, and does not send the request again; OSS holds one record and the case continues.
 */
@HubTest
class OssLostAnswerTest extends OssSandboxReset {

    @Test
    void aTimeoutAfterOssStoredTheRequestCreatesNoSecondRecord() {
        steps.sandbox(Map.of("timeoutNext", 1));
        String id = steps.throughStep4(621);

        api.awaitTask(id, 5);

        assertThat(steps.sandboxRecords(id, 4)).hasSize(1);
        List<String> methods = new ArrayList<>();
        for (JsonNode r : steps.sandboxRequests(id)) {
            methods.add(r.get("method").asText() + " " + r.get("kode").asInt());
        }
        // Newest first: the reconciliation found the record; the request itself was sent once.
        assertThat(methods).containsExactly("checkLicenseStatus 200", "receiveLicenseStatus 200");
        JsonNode call = steps.oss(id).get("calls").get(0);
        assertThat(call.get("status").asText()).isEqualTo("DONE");
        assertThat(call.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aCallThatNeverReachedOssIsSentAgainThoughOssHoldsTheSamePermitsEarlierStatus() {
        String id = steps.throughStep4(622);
        steps.through(id, "recommend", 22);
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(steps.sandboxRecords(id, 22)).hasSize(1));
        api.awaitTask(id, 23);
        // Step 23's first attempt fails before OSS stores it; the retry asks OSS first, and OSS, which reads a status
        // back per permit, answers with step 22's (kd_status 45): not this call, so the call goes
        steps.sandbox(Map.of("errorNext", 1));
        steps.complete(id, 23, "kadis", null);

        api.awaitTask(id, 24);
        assertThat(steps.sandboxRecords(id, 23)).as("the permit issued in OSS").hasSize(1);
        List<String> methods = new ArrayList<>();
        for (JsonNode r : steps.sandboxRequests(id)) {
            if (r.get("key").asText("").startsWith(id + ":23:")) {
                methods.add(r.get("method").asText() + " " + r.get("kode").asInt());
            }
        }
        assertThat(methods).containsExactly("receiveLicense 200", "checkLicenseStatus 200", "receiveLicense 503");
    }
}
