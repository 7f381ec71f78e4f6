package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A rejected case is not closed behind OSS's back: while OSS is down when the rejection letter goes out (step 14),
 * the case waits with no open task, and the applicant's tracking (API and page) says it waits for OSS; once OSS is
 * back it takes the status once and the applicant's step 15 opens.
 */
@HubTest
class OssRejectionWaitsForOssTest {

    @Autowired
    Api api;

    OssSteps steps;

    @BeforeEach
    void setUp() {
        steps = new OssSteps(api);
        steps.resetSandbox();
    }

    @AfterEach
    void tearDown() {
        steps.resetSandbox();
    }

    @Test
    void theRejectionWaitsForOssAndIsReportedOnce() {
        JsonNode submitted = api.submit(Api.application(641));
        String id = steps.throughStep4(submitted);
        String track = "/api/track/" + submitted.get("trackingCode").asText() + "?token=" + submitted.get("token").asText();
        String page = "/lacak?kode=" + submitted.get("trackingCode").asText() + "&token=" + submitted.get("token").asText();
        steps.through(id, "reject", 13);
        api.awaitTask(id, 14);
        long mark = steps.lastSandboxRequest();
        steps.sandbox(Map.of("down", true));
        steps.complete(id, 14, "kadis", null);

        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() ->
                assertThat(steps.sandboxRequestsSince(mark)).filteredOn(r -> r.get("httpStatus").asInt() == 503)
                        .isNotEmpty());
        assertThat(api.openTask(id)).isEmpty();
        assertThat(api.getCase(id).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(steps.sandboxRecords(id, 14)).isEmpty();
        assertThat(api.call(HttpMethod.GET, track, null, null).body().get("pendingWith").asText()).isEqualTo("OSS");
        assertThat(api.raw().getForObject(page, String.class))
                .contains("Menunggu konfirmasi sistem OSS nasional atas langkah 14");

        steps.sandbox(Map.of("down", false));
        steps.complete(id, 15, "front-office", null);
        api.awaitStatus(id, "REJECTED");
        assertThat(api.call(HttpMethod.GET, track, null, null).body().has("pendingWith")).isFalse();
        assertThat(steps.sandboxRecords(id, 14)).hasSize(1);
        assertThat(steps.sandboxRecords(id, 14).get(0).get("kdStatus").asText()).isEqualTo("93");
    }
}
