package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
}
