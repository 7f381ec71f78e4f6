package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Authority follows the SOP's columns: on the reject branch, step 13 (numbering) is the Kadis's; the Kabid
 * Pelayanan, one rank below, can neither claim nor complete it (403), and the case waits for the Kadis.
 */
@HubTest
class KabidCannotCompleteAKadisStepTest {

    @Autowired
    Api api;

    @Test
    void kabidIsRefusedAtTheKadisStep() {
        String id = api.submit(Api.application(913)).get("id").asText();
        api.completeRejectBranchThrough(id, 12);
        JsonNode kadisTask = api.awaitTask(id, 13);
        assertThat(kadisTask.get("actor").asText()).isEqualTo("kadis");
        String taskId = kadisTask.get("taskId").asText();

        assertThat(api.complete(taskId, "kabid-pelayanan", null).status()).isEqualTo(403);
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + taskId + "/claim", null, "kabid-pelayanan").status())
                .isEqualTo(403);
        assertThat(api.openTask(id).orElseThrow().get("step").asInt()).isEqualTo(13);

        assertThat(api.complete(taskId, "kadis", null).status()).isEqualTo(200);
        api.awaitTask(id, 14);
    }
}
