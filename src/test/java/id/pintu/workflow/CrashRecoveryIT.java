package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.Api;
import id.pintu.support.CaseWalker;
import id.pintu.support.HttpApi;
import id.pintu.support.HubProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Kills the hub process with SIGKILL while cases move, restarts it on the same data, and walks every case to its
 * end: no case is lost, no step is completed twice, no task is left behind or doubled, whatever moment the process
 * died. Runs the packaged jar as a separate process (failsafe, after {@code package}) on its embedded defaults (H2
 * file, embedded broker); {@code id.pintu.scale.CrashBatteryIT} does the same on PostgreSQL and a standalone broker.
 */
class CrashRecoveryIT {

    private static final int CASES = 16;
    private static final int KILLS = 3;

    private volatile HttpApi live;

    @Test
    void everyCaseFinishesOnceAfterKillsInTheMiddle() throws Exception {
        Path work = Files.createTempDirectory("pintu-crash-");
        try (HubProcess hub = new HubProcess(work.resolve("data"), Path.of("target/crash-it"), List.of())) {
            hub.start();
            HttpApi api = new HttpApi(hub.baseUrl());
            live = api;
            CaseWalker walker = new CaseWalker(() -> live, Duration.ofMinutes(4));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                HttpApi.Response r = api.call("POST", "/api/applications", Api.application(i), null);
                assertThat(r.status()).isEqualTo(201);
                String id = r.body().get("id").asText();
                ids.add(id);
                walker.register(id, i);
            }
            ExecutorService staff = Executors.newFixedThreadPool(6);
            List<Future<?>> walkers = new ArrayList<>();
            for (String id : ids) {
                walkers.add(staff.submit(() -> walker.walk(id)));
            }
            Random random = new Random(42);
            for (int k = 1; k <= KILLS; k++) {
                int target = walker.completions.get() + 15 + random.nextInt(25);
                await().atMost(Duration.ofMinutes(3)).until(() -> walker.completions.get() >= target
                        || walkers.stream().allMatch(Future::isDone));
                live = null;
                hub.kill();
                System.out.printf("crash-recovery: SIGKILL %d after %d completions%n", k, walker.completions.get());
                hub.start();
                live = api;
            }
            for (Future<?> w : walkers) {
                w.get(5, TimeUnit.MINUTES);
            }
            staff.shutdown();

            CaseWalker.Tally tally = walker.verify(api);
            assertThat(tally.issued() + tally.rejected()).isEqualTo(CASES);
            System.out.printf("crash-recovery: %d cases, %d kills, %d completions, %d issued, %d rejected, 0 lost,"
                    + " 0 doubled%n", CASES, KILLS, walker.completions.get(), tally.issued(), tally.rejected());
        }
    }
}
