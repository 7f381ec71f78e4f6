package id.pintu.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.CaseWalker;
import id.pintu.support.Api;
import id.pintu.support.HttpApi;
import id.pintu.support.HubProcess;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The crash battery, on PostgreSQL and a standalone Artemis broker: applications arrive at a steady rate while clerks
 * complete tasks, and meanwhile the hub is killed with SIGKILL at random moments (at least 20 times), the broker is
 * restarted, the database is taken away under the running hub and brought back, and two poison messages are put on
 * an actor queue. Afterwards every accepted application exists and reached its end, no (case, step) was completed
 * twice, the queues and the database agree (actor queues empty, no open task, outbox empty), and the only dead
 * letters are the two poison messages: the database outage was ridden out by retrying, not by dead-lettering.
 */
class CrashBatteryIT {

    private static final int KILLS = 20;
    private static final int MAX_CASES = 30;
    private static final Duration SUBMIT_EVERY = Duration.ofMillis(200);
    private static final String POISON_QUEUE = "pintu.actor.backoffice";
    private static final List<String> POISON = List.of("{\"poison\": 1, \"taskId\": ", "not a task message at all");

    private volatile HttpApi live;
    private final AtomicInteger refusals = new AtomicInteger();

    @Test
    void nothingLostNothingDoubledWhateverFails() throws Exception {
        Path work = Files.createTempDirectory("pintu-battery-");
        Path logs = Path.of("target/crash-battery-it");
        RestartablePostgres pg = new RestartablePostgres();
        StandaloneBroker broker = null;
        HubProcess hub = null;
        ExecutorService staff = Executors.newFixedThreadPool(6);
        ExecutorService intake = Executors.newSingleThreadExecutor();
        try {
            pg.start();
            broker = StandaloneBroker.create(logs);
            broker.start();
            List<String> args = new ArrayList<>(pg.hubArgs());
            args.add("--spring.profiles.active=postgres");
            args.addAll(broker.hubArgs());
            hub = new HubProcess(work.resolve("data"), logs.resolve("hub"), HubProcess.SMALL_JVM, args);
            hub.start();
            HttpApi api = new HttpApi(hub.baseUrl());
            live = api;
            CaseWalker walker = new CaseWalker(() -> live, Duration.ofMinutes(6));
            List<Future<?>> walks = new CopyOnWriteArrayList<>();
            ConcurrentLinkedQueue<Integer> unanswered = new ConcurrentLinkedQueue<>();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();

            // Intake at a steady rate: one application every 200 ms while the hub is up.
            Future<?> submitter = intake.submit(() -> {
                for (int i = 0; i < MAX_CASES; i++) {
                    int n = i;
                    HttpApi[] h = new HttpApi[1];
                    await().atMost(Duration.ofMinutes(5)).pollInterval(SUBMIT_EVERY).until(() -> (h[0] = live) != null);
                    try {
                        HttpApi.Response r = h[0].call("POST", "/api/applications", Api.application(n), null);
                        if (r.status() == 201) {
                            accepted.incrementAndGet();
                            String id = r.body().get("id").asText();
                            walker.register(id, n);
                            walks.add(staff.submit(() -> walker.walk(id)));
                        } else {
                            // Refused (e.g. 503 while the database is away); looked up afterwards all the same.
                            refused.incrementAndGet();
                            unanswered.add(n);
                        }
                    } catch (IOException e) {
                        // The hub died under the request: it may or may not have accepted it.
                        unanswered.add(n);
                    }
                    await().pollDelay(SUBMIT_EVERY).until(() -> true);
                }
                return null;
            });

            Random random = new Random(20_240_917L);
            for (int k = 1; k <= KILLS; k++) {
                int target = walker.completions.get() + 3 + random.nextInt(25);
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(50))
                        .until(() -> walker.completions.get() >= target || (submitter.isDone() && allDone(walks)));
                live = null;
                hub.kill();
                System.out.printf("crash-battery: SIGKILL %d after %d completions, %d accepted%n", k,
                        walker.completions.get(), accepted.get());
                hub.start();
                live = api;
                if (k == 5) {
                    for (String poison : POISON) {
                        broker.send(POISON_QUEUE, poison);
                    }
                    StandaloneBroker mq = broker;
                    await().atMost(Duration.ofMinutes(2)).until(() -> mq.depth("pintu.dead-letter") == POISON.size());
                    System.out.println("crash-battery: 2 poison messages dead-lettered");
                }
                if (k == 10) {
                    broker.restart();
                    int before = walker.completions.get();
                    await().atMost(Duration.ofMinutes(3)).until(() -> walker.completions.get() > before + 5
                            || (submitter.isDone() && allDone(walks)));
                    System.out.println("crash-battery: broker restarted, work resumed");
                }
                if (k == 15) {
                    databaseOutage(pg, hub, walker);
                }
            }
            submitter.get(5, TimeUnit.MINUTES);
            try (Connection db = pg.connect()) {
                // Applications whose answer was lost in a crash or refused: if the hub took them, they are walked too.
                for (int n : unanswered) {
                    String id = applicationOf(db, n);
                    if (id != null) {
                        walker.register(id, n);
                        walks.add(staff.submit(() -> walker.walk(id)));
                    }
                }
            }
            for (Future<?> w : walks) {
                w.get(8, TimeUnit.MINUTES);
            }
            CaseWalker.Tally tally = walker.verify(api);

            StandaloneBroker mq = broker;
            try (Connection db = pg.connect()) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    assertThat(Ledger.outbox(db)).as("outbox rows").isZero();
                    assertThat(Ledger.actorQueueDepths(mq).values()).as("actor queue depths").allMatch(d -> d == 0);
                });
                long cases = Ledger.applications(db);
                long doubled = Ledger.doubledSteps(db);
                long doubledTasks = Ledger.doubledTasks(db);
                List<Message> deadLetters = mq.browse("pintu.dead-letter");
                List<String> deadBodies = new ArrayList<>();
                for (Message m : deadLetters) {
                    deadBodies.add(m instanceof TextMessage t ? t.getText() : String.valueOf(m));
                    assertThat(m.getStringProperty("PintuDeadLetterReason")).as("reason of a dead letter").isNotBlank();
                }
                assertThat(cases).as("applications in the database = accepted + lost answers taken")
                        .isEqualTo(walker.cases());
                assertThat(walker.cases()).as("cases walked").isGreaterThanOrEqualTo(accepted.get());
                assertThat(doubled).as("(case, step) completed twice").isZero();
                assertThat(doubledTasks).as("(case, step) entered twice").isZero();
                assertThat(Ledger.openTasks(db)).as("open tasks").isZero();
                assertThat(Ledger.unfinished(db)).as("cases not at their end").isZero();
                long letters = Ledger.tableExists(db, "agenda_entry") ? Ledger.count(db, "SELECT COUNT(*) FROM agenda_entry") : 0;
                long ossRecords = Ledger.tableExists(db, "oss_sandbox_record")
                        ? Ledger.count(db, "SELECT COUNT(*) FROM oss_sandbox_record") : 0;
                long ossRequests = Ledger.tableExists(db, "oss_sandbox_request")
                        ? Ledger.count(db, "SELECT COUNT(*) FROM oss_sandbox_request") : 0;
                long mails = Ledger.tableExists(db, "mail_sent") ? Ledger.count(db, "SELECT COUNT(*) FROM mail_sent") : 0;
                assertThat(Ledger.doubledLetterNumbers(db)).as("letter numbers taken twice or skipped").isZero();
                assertThat(deadBodies).as("dead letters: the poison messages only").containsExactlyInAnyOrderElementsOf(POISON);
                System.out.printf("crash-battery: %d kills, 1 broker restart, 1 database outage (%d requests refused"
                                + " meanwhile), %d cases (%d accepted with 201, %d answers lost in a crash, %d refused),"
                                + " %d issued, %d rejected, %d completions, 0 lost, %d doubled, actor queues %s, outbox %d,"
                                + " %d letter numbers (0 doubled, 0 gaps), %d mails sent (one per dedup key),"
                                + " %d OSS effects from %d OSS requests (one per idempotency key),"
                                + " dead letters=%d (poison)%n",
                        hub.starts() - 1, refusals.get(), cases, accepted.get(), unanswered.size() - refused.get(), refused.get(),
                        tally.issued(), tally.rejected(), walker.completions.get(), doubled,
                        Ledger.actorQueueDepths(mq), Ledger.outbox(db), letters, mails, ossRecords, ossRequests, deadLetters.size());
            }
        } finally {
            intake.shutdownNow();
            staff.shutdownNow();
            if (hub != null) {
                hub.close();
            }
            if (broker != null) {
                broker.close();
            }
            pg.close();
        }
    }

    /**
     * Takes PostgreSQL away under the running hub until the hub reports itself not ready and the clerks have been
     * refused a while, then brings it back on the same data and port; work must resume without a restart.
     */
    private void databaseOutage(RestartablePostgres pg, HubProcess hub, CaseWalker walker) throws Exception {
        pg.stop();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 503);
        int refusedBefore = walker.refusals.get();
        AtomicInteger waited = new AtomicInteger();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> walker.refusals.get() >= refusedBefore + 20 || waited.incrementAndGet() >= 40);
        refusals.addAndGet(walker.refusals.get() - refusedBefore);
        pg.start();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        int before = walker.completions.get();
        await().atMost(Duration.ofMinutes(3)).until(() -> walker.completions.get() > before + 5);
        System.out.printf("crash-battery: database away (hub not ready, %d requests refused), back, work resumed%n",
                walker.refusals.get() - refusedBefore);
    }

    private static boolean allDone(List<Future<?>> walks) {
        return walks.stream().allMatch(Future::isDone);
    }

    private static String applicationOf(Connection db, int n) throws Exception {
        try (PreparedStatement s = db.prepareStatement("SELECT id FROM application WHERE applicant_email = ?")) {
            s.setString(1, "budi" + n + "@contoh.co.id");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
