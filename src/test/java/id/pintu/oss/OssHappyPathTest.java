package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.LetterRepository;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With OSS answering normally, both branches end as before, and OSS holds exactly one record per OSS step of the
 * case (4 on both branches, 22 and 23 on the recommend branch); the case knows OSS's id_izin and, once step 23 is
 * done, when the permit took effect.
 */
@HubTest
class OssHappyPathTest {

    @Autowired
    Api api;

    @Autowired
    LetterRepository letters;

    OssSteps steps;

    @BeforeEach
    void setUp() {
        steps = new OssSteps(api);
        steps.resetSandbox();
    }

    @Test
    void recommendBranchRegistersReportsAndIssuesOnceEach() {
        String id = steps.throughStep4(601);
        steps.toTheEnd(id, "recommend");
        api.awaitStatus(id, "ISSUED");

        for (int step : new int[] {4, 22, 23}) {
            assertThat(steps.sandboxRecords(id, step)).as("sandbox records of step %d", step).hasSize(1);
        }
        JsonNode oss = steps.oss(id);
        String idIzin = oss.get("idIzin").asText();
        assertThat(idIzin).startsWith("SBX-I-");
        assertThat(oss.get("effectiveAt").isNull()).isFalse();
        assertThat(oss.get("calls")).hasSize(3).allSatisfy(c -> {
            assertThat(c.get("status").asText()).isEqualTo("DONE");
            assertThat(c.get("ossReference").asText()).isEqualTo(idIzin);
        });
        JsonNode issued = steps.sandboxRecords(id, 23).get(0);
        assertThat(issued.get("kdStatus").asText()).isEqualTo("50");
        // The permit's number in OSS is the agenda number the kadis gave the surat izin at step 21.
        String number = letters.find(id, "surat-izin").orElseThrow().number();
        assertThat(number).isNotBlank().isNotEqualTo(api.getCase(id).get("trackingCode").asText());
        assertThat(issued.get("payload").asText()).contains("\"nomor_izin\":\"" + number + "\"");
    }

    @Test
    void rejectBranchRegistersOnlyStep4() {
        String id = steps.throughStep4(602);
        steps.toTheEnd(id, "reject");
        api.awaitStatus(id, "REJECTED");

        assertThat(steps.sandboxRecords(id, 4)).hasSize(1);
        assertThat(steps.sandboxRecords(id, 22)).isEmpty();
        assertThat(steps.sandboxRecords(id, 23)).isEmpty();
        assertThat(steps.oss(id).get("calls")).hasSize(1);
    }
}
