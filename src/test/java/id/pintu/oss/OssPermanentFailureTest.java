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
 * OSS refuses a request (kode 400): the call is not retried blindly but becomes an open failure that staff see with
 * OSS's reason; the case waits. The front office retries it, OSS accepts, the case continues and the failure is
 * resolved; other staff may not retry. Meanwhile the applicant's tracking says staff are following it up.
 */
@HubTest
class OssPermanentFailureTest extends OssSandboxReset {

    @Test
    void aRefusedCallIsAStaffTaskUntilRetried() {
        steps.sandbox(Map.of("rejectNext", 1, "rejectKode", 400));
        JsonNode submitted = api.submit(Api.application(631));
        String id = steps.throughStep4(submitted);
        String code = submitted.get("trackingCode").asText();
        String token = submitted.get("token").asText();

        JsonNode failure = steps.openFailure(id);
        assertThat(failure.get("step").asInt()).isEqualTo(4);
        assertThat(failure.get("error").asText()).contains("kode 400");
        assertThat(failure.get("attempts").asInt()).isEqualTo(1);
        assertThat(api.openTask(id)).isEmpty();
        assertThat(steps.sandboxRecords(id, 4)).isEmpty();
        // The applicant sees that the office is on it, not a case stuck without a step.
        assertThat(api.call(HttpMethod.GET, "/api/track/" + code + "?token=" + token, null, null).body()
                .get("pendingWith").asText()).isEqualTo("STAFF");
        assertThat(api.raw().getForObject("/lacak?kode=" + code + "&token=" + token, String.class))
                .contains("Sedang ditangani petugas: sistem OSS nasional belum menerima langkah 4");

        String retry = "/api/oss/failures/" + failure.get("id").asText() + "/retry";
        assertThat(api.call(HttpMethod.POST, retry, null, "tim-teknis").status()).isEqualTo(403);
        Api.Response r = api.call(HttpMethod.POST, retry, null, "front-office");
        assertThat(r.status()).as("retry: %s", r.body()).isEqualTo(200);
        assertThat(api.call(HttpMethod.POST, retry, null, "front-office").status()).isEqualTo(409);

        api.awaitTask(id, 5);
        assertThat(steps.sandboxRecords(id, 4)).hasSize(1);
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(steps.oss(id).get("failures").get(0)
                .get("status").asText()).isEqualTo("RESOLVED"));
    }
}
