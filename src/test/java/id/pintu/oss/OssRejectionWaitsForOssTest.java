package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rejected case is not closed behind OSS's back: while OSS is down when the rejection letter goes out (step 14),
 * the case waits with no open task; once OSS is back it takes the status once and the applicant's step 15 opens.
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
        String id = steps.throughStep4(641);
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

        steps.sandbox(Map.of("down", false));
        steps.complete(id, 15, "front-office", null);
        api.awaitStatus(id, "REJECTED");
        assertThat(steps.sandboxRecords(id, 14)).hasSize(1);
        assertThat(steps.sandboxRecords(id, 14).get(0).get("kdStatus").asText()).isEqualTo("93");
    }
}
