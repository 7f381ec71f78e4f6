package id.pintu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.sop.MutuBaku;
import id.pintu.workflow.Application;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.Task;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two hub instances scanning one PostgreSQL database at the same moments fire each escalation level of each task
 * exactly once: one reminder to the actor's queue, one breach to the supervisor's queue, one email to the
 * supervisor (and counts it once in {@code pintu.escalations}); a restarted instance fires nothing again, and the
 * applicant's own tasks never escalate.
 */
class EscalationOncePerLevelOnTwoInstancesTest {

    static EmbeddedPostgres postgres;
    static DataSource ds;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        ds = postgres.getPostgresDatabase();
        SlaFixture.migrate(ds);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void eachLevelFiresOncePerTaskAcrossInstancesAndRestarts() throws Exception {
        Instant t0 = Instant.parse("2026-07-06T01:00:00Z"); // Monday 08:00 WIB
        MutableClock clock = new MutableClock(t0);
        SlaFixture hubA = new SlaFixture(ds, clock, "office-hours.yaml");
        SlaFixture hubB = new SlaFixture(ds, clock, "office-hours.yaml");

        Map<String, String> supervisorOf = Map.of("front-office", "backoffice", "backoffice", "kabid-pelayanan",
                "tim-teknis", "kabid-pelayanan", "kabid-pelayanan", "sekretaris", "sekretaris", "kadis", "kadis",
                "kadis");
        List<String> actors = List.copyOf(supervisorOf.keySet());
        List<Task> staffTasks = new ArrayList<>();
        Instant due = hubA.calendar.dueAt(t0, MutuBaku.parse("PT1H"));
        for (int i = 0; i < 30; i++) {
            Application a = hubA.application(i, t0, CaseStatus.IN_PROGRESS);
            staffTasks.add(hubA.openTask(a, 5, actors.get(i % actors.size()), t0, due));
        }
        Application own = hubA.application(99, t0, CaseStatus.IN_PROGRESS);
        Task applicantTask = hubA.openTask(own, 15, "pemohon", t0, due);

        clock.set(t0.plus(Duration.ofMinutes(40))); // 67% of the hour: nothing yet
        assertThat(race(hubA, hubB)).isZero();

        clock.set(t0.plus(Duration.ofMinutes(50))); // 83%: reminders
        assertThat(race(hubA, hubB)).isEqualTo(30);

        clock.set(t0.plus(Duration.ofMinutes(61))); // past due: breaches
        assertThat(race(hubA, hubB)).isEqualTo(30);

        SlaFixture restarted = new SlaFixture(ds, clock, "office-hours.yaml");
        clock.set(t0.plus(Duration.ofHours(3)));
        assertThat(restarted.scanner.scan()).isZero();

        // The metric counts what fired, where it fired: the two instances' counters add up to one per level.
        assertThat(counted(hubA, "reminder") + counted(hubB, "reminder")).isEqualTo(30);
        assertThat(counted(hubA, "breach") + counted(hubB, "breach")).isEqualTo(30);
        assertThat(restarted.meters.find("pintu.escalations").counters()).isEmpty();

        for (Task t : staffTasks) {
            List<Integer> levels = hubA.jdbc.sql("SELECT level FROM escalation WHERE task_id = ? ORDER BY level")
                    .param(t.id()).query(Integer.class).list();
            assertThat(levels).as("levels of %s", t.id()).containsExactly(1, 2);
            assertThat(payloads("ESCALATION", t.id()))
                    .as("queue messages of %s", t.id())
                    .containsExactlyInAnyOrder("pintu.reminder." + t.actor(),
                            "pintu.escalation." + supervisorOf.get(t.actor()));
            assertThat(payloads("MAIL", "escalation:" + t.id() + ":2")).as("emails of %s", t.id()).hasSize(1);
        }
        assertThat(hubA.jdbc.sql("SELECT COUNT(*) FROM escalation WHERE task_id = ?").param(applicantTask.id())
                .query(Integer.class).single()).isZero();
        assertThat(hubA.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE kind = 'MAIL'").query(Integer.class).single())
                .isEqualTo(30);
        assertThat(hubA.jdbc.sql("SELECT COUNT(DISTINCT payload) FROM outbox WHERE kind = 'MAIL'"
                + " AND payload LIKE '%kabid.pelayanan@dpmptsp.dairikab.go.id%'").query(Integer.class).single())
                .as("breaches of backoffice and tim-teknis tasks mail the Kabid").isEqualTo(10);
    }

    /** {@code pintu.escalations} of one instance, summed over SOPs and steps, for one level. */
    private static double counted(SlaFixture hub, String level) {
        return hub.meters.find("pintu.escalations").tag("level", level).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    /** Both instances scan several times at once; returns the levels fired in all. */
    private static int race(SlaFixture a, SlaFixture b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (SlaFixture hub : List.of(a, b)) {
                jobs.add(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int fired = 0;
                    for (int round = 0; round < 3; round++) {
                        fired += hub.scanner.scan();
                    }
                    return fired;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(jobs)) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /** For escalations: the queues of the task's messages; for mails: the rows with that dedup key. */
    private static List<String> payloads(String kind, String key) {
        SlaFixture any = new SlaFixture(ds, new MutableClock(Instant.EPOCH), "always-open.yaml");
        List<String> rows = any.jdbc.sql("SELECT payload FROM outbox WHERE kind = ? AND payload LIKE ?")
                .params(kind, "%\"" + key + "%")
                .query(String.class).list();
        if (!kind.equals("ESCALATION")) {
            return rows;
        }
        return rows.stream()
                .map(p -> p.replaceAll(".*\"queue\":\"([^\"]+)\".*", "$1"))
                .collect(Collectors.toList());
    }
}
