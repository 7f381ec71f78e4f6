package id.pintu.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * Walks a case through whatever SOP (and version) it runs on, reading the steps from the API: each open task is
 * completed by the demo user of its actor (the front office for the applicant), a decision with the outcome the
 * test chose for that step (in order, for loops), until the case ends. Knows no SOP.
 */
public final class SopWalker {

    /** One task the walk completed. */
    public record Visit(int step, String kind, String actor, String outcome) {}

    private final Api api;

    public SopWalker(Api api) {
        this.api = api;
    }

    /** @param choices per decision step, the outcomes to take on its successive visits (default: the first). */
    public List<Visit> walk(String caseId, Map<Integer, List<String>> choices, String expectedEnd) {
        return walk(caseId, choices, expectedEnd, task -> { });
    }

    /** The same, showing each task to {@code before} before it is completed. */
    public List<Visit> walk(String caseId, Map<Integer, List<String>> choices, String expectedEnd,
            java.util.function.Consumer<JsonNode> before) {
        JsonNode kase = api.getCase(caseId);
        String code = kase.get("sop").asText();
        int version = kase.get("sopVersion").asInt();
        Api.Response r = api.call(HttpMethod.GET, "/api/sops/" + code + "/versions/" + version, null, null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode sop = r.body();
        Map<Integer, Deque<String>> queue = new HashMap<>();
        choices.forEach((step, outcomes) -> queue.put(step, new ArrayDeque<>(outcomes)));
        List<Visit> visits = new ArrayList<>();
        String previous = null;
        for (int guard = 0; guard < 60; guard++) {
            JsonNode task = awaitNewTask(caseId, previous, expectedEnd);
            if (task == null) {
                assertThat(api.getCase(caseId).get("status").asText()).isEqualTo(expectedEnd);
                return visits;
            }
            int stepNo = task.get("step").asInt();
            String kind = task.get("kind").asText();
            String actor = task.get("actor").asText();
            JsonNode step = step(sop, stepNo);
            String outcome = null;
            if ("STEP".equals(kind) && "decision".equals(step.get("kind").asText())) {
                Deque<String> q = queue.get(stepNo);
                outcome = q == null || q.isEmpty() ? step.get("outcomes").get(0).get("id").asText() : q.poll();
            }
            before.accept(task);
            String user = "pemohon".equals(actor) ? "front-office" : actor;
            Api.Response done = api.complete(task.get("taskId").asText(), user, outcome);
            assertThat(done.status()).as("complete step %s as %s: %s", stepNo, user, done.body()).isEqualTo(200);
            visits.add(new Visit(stepNo, kind, actor, outcome));
            previous = task.get("taskId").asText();
        }
        throw new AssertionError("the case did not end within 60 tasks: " + visits);
    }

    private JsonNode awaitNewTask(String caseId, String previous, String expectedEnd) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Api.ROUTING_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode kase = api.getCase(caseId);
            JsonNode tasks = kase.get("tasks");
            if (!tasks.isEmpty() && !tasks.get(0).get("taskId").asText().equals(previous)) {
                found[0] = tasks.get(0);
                return true;
            }
            return tasks.isEmpty() && expectedEnd.equals(kase.get("status").asText());
        });
        return found[0];
    }

    private static JsonNode step(JsonNode sop, int no) {
        for (JsonNode s : sop.get("steps")) {
            if (s.get("no").asInt() == no) {
                return s;
            }
        }
        throw new AssertionError("SOP " + sop.get("code") + " has no step " + no);
    }

    /** The steps of the case's history in order, as the API reports them. */
    public static List<Integer> historySteps(JsonNode kase) {
        List<Integer> steps = new ArrayList<>();
        kase.get("history").forEach(h -> steps.add(h.get("step").asInt()));
        return steps;
    }
}
