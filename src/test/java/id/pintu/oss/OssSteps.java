package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Walks cases of the seed SOP through the API and reads and switches the OSS sandbox, for the OSS tests. */
final class OssSteps {

    static final String INBOUND_KEY = "pintu-sandbox-inbound";

    private final Api api;
    private final ObjectMapper json = new ObjectMapper();

    OssSteps(Api api) {
        this.api = api;
    }

    /** OSS pushing {@code method} to the hub's inbound endpoint with the shared key {@code key}. */
    ResponseEntity<String> push(String method, Object body, String key) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("user_key", key);
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return api.raw().exchange("/api/oss/inbound/" + method, HttpMethod.POST, new HttpEntity<>(text, headers),
                String.class);
    }

    /** Submits a case and completes steps 2, 3 and 4 (step 4 hands over to OSS); returns the case id. */
    String throughStep4(int i) {
        return throughStep4(api.submit(Api.application(i)));
    }

    /** Steps 2 to 4 of an application just submitted (its answer holds the tracking code and token). */
    String throughStep4(JsonNode submitted) {
        String id = submitted.get("id").asText();
        complete(id, 2, "front-office", "complete");
        complete(id, 3, "front-office", null);
        api.awaitTask(id, 4);
        complete(id, 4, "front-office", null);
        return id;
    }

    /** Submits a case and completes steps 2 and 3: its open task is step 4. */
    String toStep4(int i) {
        String id = api.submit(Api.application(i)).get("id").asText();
        complete(id, 2, "front-office", "complete");
        complete(id, 3, "front-office", null);
        api.awaitTask(id, 4);
        return id;
    }

    void complete(String id, int step, String user, String outcome) {
        JsonNode task = api.awaitTask(id, step);
        assertThat(api.complete(task.get("taskId").asText(), user, outcome).status()).as("complete step %d", step)
                .isEqualTo(200);
    }

    /** Walks from step 5 to the end of a branch ("recommend" or "reject"). */
    void toTheEnd(String id, String branch) {
        through(id, branch, branch.equals("recommend") ? 25 : 15);
    }

    /** Walks from step 5 along a branch ("recommend" or "reject") up to and including step {@code last}. */
    void through(String id, String branch, int last) {
        List<Integer> steps = new ArrayList<>(List.of(5, 6, 7, 8));
        steps.addAll(branch.equals("recommend")
                ? List.of(16, 17, 18, 19, 20, 21, 22, 23, 24, 25)
                : List.of(9, 10, 11, 12, 13, 14, 15));
        for (int step : steps.subList(0, steps.indexOf(last) + 1)) {
            JsonNode task = api.awaitTask(id, step);
            String actor = task.get("actor").asText();
            String outcome = step == 5 ? "verified" : step == 8 ? branch : null;
            assertThat(api.complete(task.get("taskId").asText(), actor.equals("pemohon") ? "front-office" : actor,
                    outcome).status()).as("complete step %d", step).isEqualTo(200);
        }
    }

    void sandbox(Map<String, Object> switches) {
        Api.Response r = api.call(HttpMethod.POST, "/oss-sandbox/control", switches, null);
        assertThat(r.status()).as("sandbox control %s: %s", switches, r.body()).isEqualTo(200);
    }

    void resetSandbox() {
        sandbox(Map.of("reset", true));
    }

    /** The sandbox's records of one case and step (its idempotency keys start with "<case>:<step>:"). */
    JsonNode sandboxRecords(String id, int step) {
        return api.call(HttpMethod.GET, "/oss-sandbox/records?key=" + id + ":" + step + ":", null, null).body();
    }

    JsonNode sandboxRequests(String id) {
        return api.call(HttpMethod.GET, "/oss-sandbox/requests?key=" + id + ":", null, null).body();
    }

    /** The sequence number of the sandbox's newest request (0 if none). */
    long lastSandboxRequest() {
        JsonNode all = api.call(HttpMethod.GET, "/oss-sandbox/requests?limit=1", null, null).body();
        return all.isEmpty() ? 0 : all.get(0).get("seq").asLong();
    }

    List<JsonNode> sandboxRequestsSince(long seq) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode r : api.call(HttpMethod.GET, "/oss-sandbox/requests?limit=1000", null, null).body()) {
            if (r.get("seq").asLong() > seq) {
                found.add(r);
            }
        }
        return found;
    }

    JsonNode oss(String id) {
        Api.Response r = api.call(HttpMethod.GET, "/api/applications/" + id + "/oss", null, "backoffice");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    JsonNode failures(String status) {
        Api.Response r = api.call(HttpMethod.GET, "/api/oss/failures?status=" + status, null, "backoffice");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** Waits until case {@code id} has an open OSS failure (a refused call, or retries spent) and returns it. */
    JsonNode openFailure(String id) {
        JsonNode[] failure = new JsonNode[1];
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> {
            failure[0] = StreamSupport.stream(failures("OPEN").spliterator(), false)
                    .filter(f -> f.get("applicationId").asText().equals(id)).findFirst().orElse(null);
            assertThat(failure[0]).as("open OSS failure of %s", id).isNotNull();
        });
        return failure[0];
    }
}
