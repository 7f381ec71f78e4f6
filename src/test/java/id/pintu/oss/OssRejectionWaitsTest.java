package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.LetterRepository;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rejected case is not closed behind OSS's back, nor reported without its letter. While OSS is down when the
 * rejection letter goes out (step 14), the case waits with no open task, and the applicant's tracking (API and page)
 * says it waits for OSS; once OSS is back it takes the status once and the applicant's step 15 opens. While the
 * documents feature is behind (its consumer stopped from step 4 on, so the rejection letter is not even drafted at
 * step 14), the hand-over waits for that letter's number instead of reporting the rejection without one; once the
 * documents feature catches up and numbers the letter, OSS gets it with that number and step 15 opens.
 */
@HubTest
class OssRejectionWaitsTest extends OssSandboxReset {

    private static final String DOCUMENTS = "documents-case-events";

    @Autowired
    LetterRepository letters;

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcClient jdbc;

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

    @Test
    void theRejectionWaitsForTheLetterTheDocumentsFeatureHasNotMadeYet() throws Exception {
        String id = steps.throughStep4(642);
        camel.getRouteController().stopRoute(DOCUMENTS);
        try {
            steps.through(id, "reject", 13);
            api.awaitTask(id, 14);
            steps.complete(id, 14, "kadis", null);

            // It waits for the numbered letter alone, not for any other document of the case, and the poll leaves
            // it alone for pintu.workflow.relay.output-wait (1 min): the numbering's report is what releases it.
            Instant failed = Instant.now();
            String handOver = "FROM outbox WHERE application_id = ? AND last_error LIKE '%not made yet%'";
            await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(
                    jdbc.sql("SELECT waits_for " + handOver).param(id).query(String.class).list())
                    .containsExactly("document:surat-penolakan"));
            assertThat(jdbc.sql("SELECT available_at " + handOver).param(id).query(Timestamp.class).single()
                    .toInstant()).isAfter(failed.plus(Duration.ofSeconds(50)));
            assertThat(letters.find(id, "surat-penolakan")).isEmpty();
            assertThat(steps.sandboxRecords(id, 14)).isEmpty();
            assertThat(api.openTask(id)).isEmpty();
        } finally {
            camel.getRouteController().startRoute(DOCUMENTS);
        }

        api.awaitTask(id, 15);
        String number = letters.find(id, "surat-penolakan").orElseThrow().number();
        assertThat(number).isNotBlank();
        JsonNode rejection = steps.sandboxRecords(id, 14);
        assertThat(rejection).hasSize(1);
        assertThat(rejection.get(0).get("payload").asText())
                .contains("\"keterangan\":\"Penyampaian Surat Penolakan, nomor surat " + number + "\"");
    }
}
