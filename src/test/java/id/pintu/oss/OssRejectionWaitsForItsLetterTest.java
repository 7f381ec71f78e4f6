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
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rejection goes to OSS with its letter's number even when the documents feature is behind: with its consumer
 * stopped from step 4 on, the rejection letter is not even drafted when the kadis sends it out (step 14). The
 * hand-over then waits for that letter's number, instead of reporting the rejection without one; once the documents
 * feature catches up and numbers the letter, OSS gets it with that number and the applicant's step opens.
 */
@HubTest
class OssRejectionWaitsForItsLetterTest {

    private static final String DOCUMENTS = "documents-case-events";

    @Autowired
    Api api;

    @Autowired
    LetterRepository letters;

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcClient jdbc;

    OssSteps steps;

    @BeforeEach
    void setUp() {
        steps = new OssSteps(api);
        steps.resetSandbox();
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
