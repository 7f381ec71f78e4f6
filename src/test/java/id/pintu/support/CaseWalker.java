package id.pintu.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Clerks walking cases of the seed SOP to their end through whichever hub is up: even cases take the recommend
 * branch (ISSUED), odd ones the reject branch (REJECTED). A hub that dies under a request is ridden out: the case is
 * read back and the open task, if still open, completed again (a 409 means the lost answer had gone through).
 */
public final class CaseWalker {

    public static final List<Integer> RECOMMEND = List.of(1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25);
    public static final List<Integer> REJECT = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    public record Tally(int issued, int rejected) {}

    private final Supplier<HttpApi> liveHub;
    private final Duration patience;
    private final Map<String, String> branchOf = new ConcurrentHashMap<>();
    public final AtomicInteger completions = new AtomicInteger();
    /** Answers 5xx or none at all: the hub could not serve the clerk for now (its database or broker away). */
    public final AtomicInteger refusals = new AtomicInteger();

    /**
     * @param liveHub a hub that is up now, or null while none is
     * @param patience how long a case may show no open task before the walk fails
     */
    public CaseWalker(Supplier<HttpApi> liveHub, Duration patience) {
        this.liveHub = liveHub;
        this.patience = patience;
    }

    public static String branchOf(int i) {
        return i % 2 == 0 ? "recommend" : "reject";
    }

    public void register(String id, int i) {
        branchOf.put(id, branchOf(i));
    }

    public int cases() {
        return branchOf.size();
    }

    /** Walks one case to ISSUED or REJECTED. */
    public Void walk(String id) throws Exception {
        String branch = branchOf.get(id);
        while (true) {
            JsonNode[] c = new JsonNode[1];
            await().atMost(patience).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                HttpApi api = liveHub.get();
                if (api == null) {
                    return false;
                }
                HttpApi.Response r;
                try {
                    r = api.call("GET", "/api/applications/" + id, null, "front-office");
                } catch (IOException e) {
                    // No answer in time (the database away: a request waits for a connection) or the hub just died.
                    refusals.incrementAndGet();
                    return false;
                }
                if (r.status() != 200) {
                    if (r.status() >= 500) {
                        refusals.incrementAndGet();
                    }
                    return false;
                }
                c[0] = r.body();
                String status = c[0].get("status").asText();
                return !c[0].get("tasks").isEmpty() || status.equals("ISSUED") || status.equals("REJECTED");
            });
            if (c[0].get("tasks").isEmpty()) {
                return null;
            }
            JsonNode task = c[0].get("tasks").get(0);
            int step = task.get("step").asInt();
            String actor = task.get("actor").asText();
            String user = actor.equals("pemohon") ? "front-office" : actor;
            Map<String, Object> body = switch (step) {
                case 2 -> Map.of("outcome", "complete");
                case 5 -> Map.of("outcome", "verified");
                case 8 -> Map.of("outcome", branch);
                default -> Map.of("note", "ok");
            };
            HttpApi api = liveHub.get();
            if (api == null) {
                continue;
            }
            try {
                HttpApi.Response r = api.call("POST", "/api/tasks/" + task.get("taskId").asText() + "/complete", body, user);
                if (r.status() == 200) {
                    completions.incrementAndGet();
                } else {
                    if (r.status() >= 500) {
                        refusals.incrementAndGet();
                    }
                    // 409: an answer lost in a crash had gone through; 5xx: the database or broker is away for now.
                    assertThat(r.status()).as("completing step %d of %s: %s", step, id, r.body()).isIn(409, 500, 503);
                }
            } catch (IOException e) {
                // The hub died under this request; whether it committed is read back from the case.
            }
        }
    }

    /** Every case at its branch's end, each step of the branch completed exactly once and in order. */
    public Tally verify(HttpApi api) throws Exception {
        int issued = 0;
        int rejected = 0;
        for (Map.Entry<String, String> e : branchOf.entrySet()) {
            String id = e.getKey();
            HttpApi.Response r = api.call("GET", "/api/applications/" + id, null, "front-office");
            assertThat(r.status()).as("case %s exists", id).isEqualTo(200);
            JsonNode c = r.body();
            boolean recommend = e.getValue().equals("recommend");
            assertThat(c.get("status").asText()).as("case %s", id).isEqualTo(recommend ? "ISSUED" : "REJECTED");
            List<Integer> steps = new ArrayList<>();
            for (JsonNode h : c.get("history")) {
                assertThat(h.get("status").asText()).as("case %s step %s", id, h.get("step")).isEqualTo("COMPLETED");
                steps.add(h.get("step").asInt());
            }
            assertThat(steps).as("history of case %s: each step once, in order", id)
                    .containsExactlyElementsOf(recommend ? RECOMMEND : REJECT);
            assertThat(c.get("tasks")).as("open tasks of case %s", id).isEmpty();
            if (recommend) {
                issued++;
            } else {
                rejected++;
            }
        }
        return new Tally(issued, rejected);
    }
}
