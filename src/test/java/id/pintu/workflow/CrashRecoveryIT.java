package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HttpApi;
import id.pintu.support.HubProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Kills the hub process with SIGKILL while cases move, restarts it on the same data, and walks every case to its
 * end: no case is lost, no step is completed twice, no task is left behind or doubled, whatever moment the process
 * died. Runs the packaged jar as a separate process (failsafe, after {@code package}).
 */
class CrashRecoveryIT {

    private static final int CASES = 16;
    private static final int KILLS = 3;
    private static final List<Integer> RECOMMEND = List.of(1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25);
    private static final List<Integer> REJECT = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    private final Map<String, String> branchOf = new ConcurrentHashMap<>();
    private final AtomicInteger completions = new AtomicInteger();
    private volatile boolean hubUp;

    @Test
    void everyCaseFinishesOnceAfterKillsInTheMiddle() throws Exception {
        Path work = Files.createTempDirectory("pintu-crash-");
        try (HubProcess hub = new HubProcess(work.resolve("data"), Path.of("target/crash-it"), List.of())) {
            hub.start();
            hubUp = true;
            HttpApi api = new HttpApi(hub.baseUrl());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                HttpApi.Response r = api.call("POST", "/api/applications", Api.application(i), null);
                assertThat(r.status()).isEqualTo(201);
                String id = r.body().get("id").asText();
                ids.add(id);
                branchOf.put(id, i % 2 == 0 ? "recommend" : "reject");
            }
            ExecutorService staff = Executors.newFixedThreadPool(6);
            List<Future<?>> walkers = new ArrayList<>();
            for (String id : ids) {
                walkers.add(staff.submit(() -> walk(api, id)));
            }
            Random random = new Random(42);
            for (int k = 1; k <= KILLS; k++) {
                int target = completions.get() + 15 + random.nextInt(25);
                await().atMost(Duration.ofMinutes(3)).until(() -> completions.get() >= target
                        || walkers.stream().allMatch(Future::isDone));
                hubUp = false;
                hub.kill();
                System.out.printf("crash-battery: SIGKILL %d after %d completions%n", k, completions.get());
                hub.start();
                hubUp = true;
            }
            for (Future<?> w : walkers) {
                w.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
            staff.shutdown();

            int issued = 0;
            int rejected = 0;
            for (String id : ids) {
                JsonNode c = api.call("GET", "/api/applications/" + id, null, "front-office").body();
                boolean recommend = branchOf.get(id).equals("recommend");
                assertThat(c.get("status").asText()).as("case %s", id).isEqualTo(recommend ? "ISSUED" : "REJECTED");
                List<Integer> steps = new ArrayList<>();
                for (JsonNode h : c.get("history")) {
                    assertThat(h.get("status").asText()).as("case %s step %s", id, h.get("step")).isEqualTo("COMPLETED");
                    steps.add(h.get("step").asInt());
                }
                assertThat(steps).as("history of case %s: each step once, in order", id)
                        .containsExactlyElementsOf(recommend ? RECOMMEND : REJECT);
                assertThat(c.get("tasks")).isEmpty();
                if (recommend) {
                    issued++;
                } else {
                    rejected++;
                }
            }
            System.out.printf("crash-battery: %d cases, %d kills, %d completions, %d issued, %d rejected, 0 lost, 0 doubled%n",
                    CASES, KILLS, completions.get(), issued, rejected);
        }
    }

    /** A clerk's loop: take the case's open task, complete it as its actor; ride out the hub being down. */
    private Void walk(HttpApi api, String id) throws Exception {
        String branch = branchOf.get(id);
        while (true) {
            JsonNode[] c = new JsonNode[1];
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                if (!hubUp) {
                    return false;
                }
                c[0] = api.call("GET", "/api/applications/" + id, null, "front-office").body();
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
            try {
                HttpApi.Response r = api.call("POST", "/api/tasks/" + task.get("taskId").asText() + "/complete", body, user);
                if (r.status() == 200) {
                    completions.incrementAndGet();
                } else {
                    // 409: a completion whose answer was lost in the crash already went through.
                    assertThat(r.status()).as("completing step %d of %s", step, id).isIn(409, 503);
                }
            } catch (IOException e) {
                // The hub died under this request; whether it committed is read back from the case.
            }
        }
    }
}
