package id.pintu.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.CaseWalker;
import id.pintu.support.Api;
import id.pintu.support.HttpApi;
import id.pintu.support.HubProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Scale-out on the engines the hub already uses: two hub processes share one standalone Artemis broker and one
 * PostgreSQL database (clustered Quartz for the SLA scan). Cases are fed through both; one hub is killed with SIGKILL
 * mid-flight and the survivor finishes everything: no case lost, no step done twice, each escalation level fired
 * once per task (database rows and queue messages agree one to one), every actor queue drained, the outbox empty.
 */
class ScaleOutIT {

    private static final int CASES = 16;
    /** Cases whose clerk waits for the SLA breach before acting, so both levels surely fire during the run. */
    private static final int SLOW_CASES = 2;

    @Test
    void twoHubsOneKilledTheOtherFinishesEverything() throws Exception {
        Path work = Files.createTempDirectory("pintu-scale-");
        Path logs = Path.of("target/scale-out-it");
        RestartablePostgres pg = new RestartablePostgres();
        StandaloneBroker broker = null;
        List<HubProcess> hubs = new ArrayList<>();
        ExecutorService staff = Executors.newFixedThreadPool(8);
        try {
            pg.start();
            broker = StandaloneBroker.create(logs);
            broker.start();
            for (String name : List.of("a", "b")) {
                List<String> args = new ArrayList<>(pg.hubArgs());
                args.add("--spring.profiles.active=postgres,demo-sla");
                args.addAll(broker.hubArgs());
                args.add("--pintu.sla.clustered=true");
                HubProcess hub = new HubProcess(work.resolve("data-" + name), logs.resolve("hub-" + name),
                        HubProcess.SMALL_JVM, args);
                hubs.add(hub);
                hub.start();
            }
            HttpApi a = new HttpApi(hubs.get(0).baseUrl());
            HttpApi b = new HttpApi(hubs.get(1).baseUrl());
            boolean[] aUp = {true};
            AtomicInteger turn = new AtomicInteger();
            CaseWalker walker = new CaseWalker(() -> aUp[0] && turn.incrementAndGet() % 2 == 0 ? a : b,
                    Duration.ofMinutes(5));

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                HttpApi.Response r = (i % 2 == 0 ? a : b).call("POST", "/api/applications", Api.application(i), null);
                assertThat(r.status()).as("submission %d", i).isEqualTo(201);
                String id = r.body().get("id").asText();
                ids.add(id);
                walker.register(id, i);
            }
            List<Future<?>> walks = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (i < SLOW_CASES) {
                    walks.add(staff.submit(() -> {
                        awaitBreach(b, id);
                        return walker.walk(id);
                    }));
                } else {
                    walks.add(staff.submit(() -> walker.walk(id)));
                }
            }

            int target = CASES * 5;
            await().atMost(Duration.ofMinutes(4)).until(() -> walker.completions.get() >= target);
            aUp[0] = false;
            hubs.get(0).kill();
            int atKill = walker.completions.get();
            System.out.printf("scale-out: SIGKILL hub a after %d completions%n", atKill);

            for (Future<?> w : walks) {
                w.get(8, TimeUnit.MINUTES);
            }
            CaseWalker.Tally tally = walker.verify(b);

            StandaloneBroker mq = broker;
            try (Connection db = pg.connect()) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    assertThat(Ledger.outbox(db)).as("outbox rows").isZero();
                    assertThat(Ledger.actorQueueDepths(mq).values()).as("actor queue depths").allMatch(d -> d == 0);
                });
                // Every task is closed now, so no further escalation can fire: the set below is final.
                List<String> rows = Ledger.escalations(db);
                List<String> messages = Ledger.escalationMessages(mq);
                assertThat(Ledger.doubledSteps(db)).as("(case, step) completed twice").isZero();
                assertThat(Ledger.doubledTasks(db)).as("(case, step) entered twice").isZero();
                assertThat(Ledger.openTasks(db)).as("open tasks").isZero();
                assertThat(Ledger.unfinished(db)).as("unfinished cases").isZero();
                assertThat(rows).as("escalations fired (the slow clerks waited for them)").hasSizeGreaterThanOrEqualTo(2 * SLOW_CASES);
                assertThat(new HashSet<>(messages)).as("escalation messages are unique").hasSize(messages.size());
                assertThat(messages).as("one queue message per escalation row").containsExactlyInAnyOrderElementsOf(rows);
                System.out.printf("scale-out: 2 hubs, 1 SIGKILLed after %d completions, %d cases (%d issued, %d rejected),"
                                + " %d completions, 0 lost, 0 doubled, %d escalations = %d messages, actor queues %s, outbox 0%n",
                        atKill, walker.cases(), tally.issued(), tally.rejected(), walker.completions.get(), rows.size(),
                        messages.size(), Ledger.actorQueueDepths(mq));
            }
        } finally {
            staff.shutdownNow();
            for (HubProcess hub : hubs) {
                hub.close();
            }
            if (broker != null) {
                broker.close();
            }
            pg.close();
        }
    }

    /** A slow clerk: leaves the case's first staff task until the SLA scan reported its breach to the supervisor. */
    private static void awaitBreach(HttpApi api, String id) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            JsonNode sla = api.call("GET", "/api/applications/" + id + "/sla", null, "front-office").body();
            for (JsonNode t : sla.get("openTasks")) {
                if (t.path("escalationLevel").asInt() >= 2) {
                    return true;
                }
            }
            return false;
        });
    }
}
