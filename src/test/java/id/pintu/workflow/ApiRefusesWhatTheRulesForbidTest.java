package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The API's refusals: invalid intake gets one error per field; another actor's task is 403; a task held by someone
 * else or already done is 409; a decision without a valid outcome is 422; completing twice advances the case once.
 */
@HubTest
class ApiRefusesWhatTheRulesForbidTest {

    @Autowired
    Api api;

    @Test
    void invalidIntakeGetsOneErrorPerField() {
        Map<String, Object> bad = new HashMap<>(Api.application(1));
        bad.put("applicant", Map.of("name", "", "email", "bukan-email"));
        bad.put("company", Map.of("name", "PT X", "nib", "123", "npwp", "12", "address", "Jl. A", "kbli", "1076"));
        Api.Response r = api.call(HttpMethod.POST, "/api/applications", bad, null);
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = r.body().get("errors").findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("applicant.name", "applicant.email", "company.nib", "company.npwp",
                "company.kbli");
    }

    @Test
    void unknownSopIsAFieldError() {
        Map<String, Object> bad = new HashMap<>(Api.application(1));
        bad.put("sop", "izin-tidak-ada");
        Api.Response r = api.call(HttpMethod.POST, "/api/applications", bad, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("sop");
    }

    @Test
    void malformedJsonIsRefused() {
        Api.Response r = api.call(HttpMethod.POST, "/api/applications", "{\"applicant\": ", null);
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void staffEndpointsNeedALogin() {
        assertThat(api.call(HttpMethod.GET, "/api/inbox/front-office", null, null).status()).isEqualTo(401);
    }

    @Test
    void anotherActorsTaskIsForbidden() {
        String id = api.submit(Api.application(3)).get("id").asText();
        JsonNode task = api.awaitTask(id, 2);
        Api.Response r = api.complete(task.get("taskId").asText(), "kadis", "complete");
        assertThat(r.status()).isEqualTo(403);
        assertThat(api.call(HttpMethod.GET, "/api/inbox/kadis", null, "kabid-pelayanan").status()).isEqualTo(403);
    }

    @Test
    void decisionWithoutValidOutcomeIsUnprocessable() {
        String id = api.submit(Api.application(4)).get("id").asText();
        String taskId = api.awaitTask(id, 2).get("taskId").asText();
        assertThat(api.complete(taskId, "front-office", null).status()).isEqualTo(422);
        assertThat(api.complete(taskId, "front-office", "recommend").status()).isEqualTo(422);
    }

    @Test
    void taskHeldBySomeoneElseIsAConflict() {
        String id = api.submit(Api.application(5)).get("id").asText();
        String taskId = api.awaitTask(id, 2).get("taskId").asText();
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + taskId + "/claim", Map.of(), "admin").status())
                .isEqualTo(200);
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + taskId + "/claim", Map.of(), "front-office").status())
                .isEqualTo(409);
        assertThat(api.complete(taskId, "front-office", "complete").status()).isEqualTo(409);
    }

    @Test
    void completingTwiceAdvancesTheCaseOnce() {
        String id = api.submit(Api.application(6)).get("id").asText();
        String taskId = api.awaitTask(id, 2).get("taskId").asText();
        assertThat(api.complete(taskId, "front-office", "complete").status()).isEqualTo(200);
        assertThat(api.complete(taskId, "front-office", "complete").status()).isEqualTo(409);
        api.awaitTask(id, 3);
        JsonNode history = api.getCase(id).get("history");
        assertThat(history.findValuesAsText("step").stream().filter("2"::equals)).hasSize(1);
        assertThat(history.findValuesAsText("step").stream().filter("3"::equals)).hasSize(1);
        assertThat(api.getCase(id).get("tasks")).hasSize(1);
    }

    @Test
    void takeNextHandsOutTheOldestUnclaimedTaskAndThenNothing() {
        String first = api.submit(Api.application(7)).get("id").asText();
        api.awaitTask(first, 2);
        // Ksb. Umum performs no step of the seed SOP, so its inbox is empty.
        Api.Response none = api.call(HttpMethod.POST, "/api/inbox/ksb-umum/next", Map.of(), "ksb-umum");
        assertThat(none.status()).isEqualTo(204);
        Api.Response next = api.call(HttpMethod.POST, "/api/inbox/front-office/next", Map.of(), "front-office");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body().get("claimedBy").asText()).isEqualTo("front-office");
    }

    @Test
    void unknownTaskIsNotFound() {
        assertThat(api.complete("no-such-task", "front-office", null).status()).isEqualTo(404);
    }
}
