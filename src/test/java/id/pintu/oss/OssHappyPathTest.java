package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.LetterRepository;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * With OSS answering normally, both branches end as before, and OSS holds exactly one record per OSS step of the
 * case (4 on both branches, 22 and 23 on the recommend branch, 14 on the reject branch: the rejection with its
 * letter's number); the case knows OSS's id_izin and, once step 23 is done, when the permit took effect.
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

        // OSS asking whether a commitment is the permit issued: by that number and the day it took effect.
        String effective = oss.get("effectiveAt").asText();
        String day = java.time.Instant.parse(effective).atZone(OssPayloads.WIB).toLocalDate().toString();
        assertThat(komitmenValid(idIzin, number, day)).isTrue();
        assertThat(komitmenValid(idIzin, api.getCase(id).get("trackingCode").asText(), day)).isFalse();
    }

    private boolean komitmenValid(String idIzin, String nomor, String day) {
        try {
            ResponseEntity<String> r = steps.push("checkKomitmen", Map.of("KOMITMEN",
                    Map.of("id_izin", idIzin, "nomor_komitmen", nomor, "tgl_komitmen", day)), OssSteps.INBOUND_KEY);
            assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
            return r.getBody().contains("\"valid\":true");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rejectBranchRegistersAndReportsTheRejectionWithItsLetter() {
        String id = steps.throughStep4(602);
        steps.toTheEnd(id, "reject");
        api.awaitStatus(id, "REJECTED");

        assertThat(steps.sandboxRecords(id, 4)).hasSize(1);
        assertThat(steps.sandboxRecords(id, 22)).isEmpty();
        assertThat(steps.sandboxRecords(id, 23)).isEmpty();
        JsonNode rejection = steps.sandboxRecords(id, 14);
        assertThat(rejection).hasSize(1);
        assertThat(rejection.get(0).get("kdStatus").asText()).isEqualTo("93");
        String number = letters.find(id, "surat-penolakan").orElseThrow().number();
        assertThat(number).isNotBlank();
        assertThat(rejection.get(0).get("payload").asText())
                .contains("\"keterangan\":\"Penyampaian Surat Penolakan, nomor surat " + number + "\"");
        assertThat(steps.oss(id).get("calls")).hasSize(2)
                .allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("DONE"));
    }

    /**
     * A dossier the back office returns goes through steps 2 to 4 again; the second hand-over of step 4 had the
     * first one's key, found it answered and never reached OSS (the corrected dossier's NIB check and status report
     * were skipped). Each pass is its own call now.
     */
    @Test
    void aSecondPassThroughStep4ReachesOssAgain() {
        String id = steps.throughStep4(633);
        steps.complete(id, 5, "backoffice", "returned");
        steps.complete(id, 2, "front-office", "complete");
        steps.complete(id, 3, "front-office", null);
        steps.complete(id, 4, "front-office", null);
        api.awaitTask(id, 5);
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(steps.sandboxRecords(id, 4))
                .as("one record per pass").hasSize(2));
    }
}
