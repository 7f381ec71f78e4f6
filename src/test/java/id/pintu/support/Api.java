package id.pintu.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;

/** The REST API as its users call it: public intake, demo staff users with HTTP Basic (password "demo"). */
@TestComponent
public class Api {

    public static final Duration ROUTING_TIMEOUT = Duration.ofSeconds(30);

    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();

    public Api(@org.springframework.context.annotation.Lazy TestRestTemplate rest) {
        this.rest = rest;
    }

    public record Response(int status, JsonNode body) {}

    public static Map<String, Object> application(int i) {
        return Map.of(
                "sop", "izin-perluasan-usaha-industri",
                "applicant", Map.of("name", "Budi Santoso " + i, "email", "budi" + i + "@contoh.co.id",
                        "phone", "081234567890"),
                "company", Map.of("name", "PT Kopi Sidikalang Jaya " + i, "nib", "9120001234567",
                        "npwp", "012345678901000", "address", "Jl. Sisingamangaraja No. 10, Sidikalang",
                        "kbli", "10761"),
                "description", "Perluasan kapasitas produksi kopi bubuk");
    }

    public Response call(HttpMethod method, String path, Object body, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        ResponseEntity<String> r = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        try {
            JsonNode node = r.getBody() == null || r.getBody().isBlank() ? null : json.readTree(r.getBody());
            return new Response(r.getStatusCode().value(), node);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.getBody(), e);
        }
    }

    public JsonNode submit(Map<String, Object> application) {
        Response r = call(HttpMethod.POST, "/api/applications", application, null);
        assertThat(r.status()).as("submit: %s", r.body()).isEqualTo(201);
        return r.body();
    }

    public JsonNode getCase(String id) {
        Response r = call(HttpMethod.GET, "/api/applications/" + id, null, "front-office");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** Waits until the case's open task is at {@code step} (routing is asynchronous) and returns it. */
    public JsonNode awaitTask(String caseId, int step) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(ROUTING_TIMEOUT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Optional<JsonNode> t = openTask(caseId);
            assertThat(t).as("open task of case %s", caseId).isPresent();
            assertThat(t.get().get("step").asInt()).isEqualTo(step);
            found[0] = t.get();
        });
        return found[0];
    }

    public Optional<JsonNode> openTask(String caseId) {
        JsonNode tasks = getCase(caseId).get("tasks");
        return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0));
    }

    /** Waits until an email from {@code sender} is in the intake's review queue (as the front office sees it). */
    public JsonNode awaitReview(String sender) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(ROUTING_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode r : call(HttpMethod.GET, "/api/intake-review", null, "front-office").body()) {
                if (sender.equalsIgnoreCase(r.path("sender").asText())) {
                    found[0] = r;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    public String awaitStatus(String caseId, String status) {
        await().atMost(ROUTING_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(getCase(caseId).get("status").asText()).isEqualTo(status));
        return status;
    }

    public Response complete(String taskId, String user, String outcome) {
        return call(HttpMethod.POST, "/api/tasks/" + taskId + "/complete",
                outcome == null ? Map.of("note", "ok") : Map.of("outcome", outcome, "note", "ok"), user);
    }

    /**
     * Walks a case of the seed SOP down the reject branch (complete, verified, reject) up to {@code lastStep}, each
     * step completed as its own actor; the case's open task is then the step after it.
     */
    public void completeRejectBranchThrough(String caseId, int lastStep) {
        for (int step = 2; step <= lastStep; step++) {
            JsonNode task = awaitTask(caseId, step);
            String outcome = switch (step) {
                case 2 -> "complete";
                case 5 -> "verified";
                case 8 -> "reject";
                default -> null;
            };
            assertThat(complete(task.get("taskId").asText(), task.get("actor").asText(), outcome).status())
                    .as("step %d", step).isEqualTo(200);
        }
    }

    public RestTemplate raw() {
        return rest.getRestTemplate();
    }
}
