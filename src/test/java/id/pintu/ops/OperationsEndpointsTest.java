package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Caller;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.TaskStatus;
import id.pintu.workflow.WorkflowService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.camel.test.spring.junit5.DisableJmx;
import id.pintu.intake.IntakeRecords;
import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What IT watches: readiness with the broker, the database and Camel as components; Prometheus figures of the
 * workflow; Hawtio and Jolokia behind the admin login, with stable JMX names for routes and actor queues.
 */
@HubTest
@DisableJmx(false)
@AutoConfigureObservability
class OperationsEndpointsTest {

    @Autowired
    Api api;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    org.apache.camel.CamelContext camel;

    @Autowired
    WorkflowService workflow;

    @Autowired
    TaskRepository tasks;

    @Autowired
    WorkflowMetrics metrics;

    @Autowired
    MeterRegistry registry;

    @Autowired
    IntakeRecords intake;

    @Test
    void readinessNamesItsComponents() {
        ResponseEntity<String> r = rest.getForEntity("/actuator/health/readiness", String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> all = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health", String.class);
        assertThat(all.getBody()).contains("\"db\"", "\"jms\"", "\"camelHealth\"", "\"details\"");
        // The details (mail servers, the OSS address, disk paths) are the admin's; a clerk's login shows the status
        ResponseEntity<String> clerk = rest.withBasicAuth("front-office", "demo").getForEntity("/actuator/health",
                String.class);
        assertThat(clerk.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(clerk.getBody()).contains("\"db\"").doesNotContain("\"details\"");
    }

    @Test
    void reviewQueueGaugeCountsTheEmailsNoOneHandled() {
        String item = intake.review("email", "<gauge-" + System.nanoTime() + "@contoh.co.id>", "gauge@contoh.co.id",
                "Uji tinjauan", "isian permohonan tidak lengkap", "Subject: x\r\n\r\nx".getBytes(), Instant.now());
        Gauge gauge = registry.get("pintu.intake.review.open").gauge();
        // Read past the gauge's 10 s cache: it shows what the table holds, this item included.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gauge.value()).isEqualTo((double) intake.openReviews());
            assertThat(gauge.value()).isPositive();
        });
        assertThat(intake.handled(item, "front-office", "uji", Instant.now())).isTrue();
        // Handled, it no longer counts (compared with the table, which other tests' emails may also change).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(gauge.value()).isEqualTo((double) intake.openReviews()));
        assertThat(rest.withBasicAuth("admin", "demo").getForObject("/actuator/prometheus", String.class))
                .contains("pintu_intake_review_open");
    }

    @Test
    void prometheusCountsCasesAndShowsQueueDepths() {
        String id = api.submit(Api.application(31)).get("id").asText();
        api.awaitTask(id, 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = rest.withBasicAuth("admin", "demo").getForObject("/actuator/prometheus", String.class);
            assertThat(metrics).contains("pintu_cases_started_total{application=\"pintu-hub\",sop=\"izin-perluasan-usaha-industri\"}");
            assertThat(metrics).contains("pintu_queue_depth{actor=\"kadis\"");
            assertThat(metrics).contains("pintu_inbox_open{actor=\"front-office\"");
        });
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void hawtioAndJolokiaNeedTheAdminAndShowStableNames() throws Exception {
        assertThat(rest.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("front-office", "demo").getForEntity("/actuator/hawtio/", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/hawtio/", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/jolokia/version", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(camel.getRoutes()).extracting(org.apache.camel.Route::getRouteId)
                .contains("izin-perluasan-usaha-industri.step-08-pemberian-rekomendasi", "inbox-kadis");
        // What Hawtio shows of the broker through Jolokia: the broker's MBeans with stable names.
        var queues = java.lang.management.ManagementFactory.getPlatformMBeanServer().queryNames(
                new javax.management.ObjectName("org.apache.activemq.artemis:broker=\"pintu-broker\",*"), null);
        assertThat(queues.toString()).contains("pintu.actor.kadis");
    }

    /**
     * The task a completion returns is the task as stored (the hub builds it from what it wrote, without reading it
     * back), and the step is timed from its STEP_COMPLETED event alone; an event written before events carried the
     * step's times is timed from its task.
     */
    @Test
    void aCompletedStepIsReturnedAsStoredAndTimedAgainstItsMutuBaku() {
        String id = api.submit(Api.application(32)).get("id").asText();
        String taskId = api.awaitTask(id, 2).get("taskId").asText();
        double before = stepsCompleted();
        long timedBefore = workingTimes();

        Task returned = workflow.complete(taskId, "complete", "berkas lengkap",
                Caller.staff("petugas-32", Set.of("front-office")));

        assertThat(returned).isEqualTo(tasks.find(taskId).orElseThrow());
        assertThat(returned.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(returned.completedBy()).isEqualTo("petugas-32");
        assertThat(returned.claimedBy()).isEqualTo("petugas-32");
        // The case's last activity is the completion at the latest (its row is not rewritten for it).
        assertThat(Instant.parse(api.getCase(id).get("updatedAt").asText()))
                .isAfterOrEqualTo(returned.completedAt());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stepsCompleted()).isGreaterThanOrEqualTo(before + 1);
            assertThat(workingTimes()).isGreaterThanOrEqualTo(timedBefore + 1);
        });

        double beforeOld = stepsCompleted();
        metrics.record(new CaseEvent("old-" + taskId, CaseEvent.STEP_COMPLETED, id, "PTU-26-LAMA",
                "izin-perluasan-usaha-industri", 1, taskId, null, null, null, "complete", "petugas-32",
                CaseStatus.IN_PROGRESS, returned.completedAt(), null, null));
        assertThat(stepsCompleted()).isEqualTo(beforeOld + 1);
    }

    private double stepsCompleted() {
        Counter c = registry.find("pintu.steps.completed")
                .tags("sop", "izin-perluasan-usaha-industri", "step", "2", "late", "false").counter();
        return c == null ? 0 : c.count();
    }

    private long workingTimes() {
        Timer t = registry.find("pintu.step.working.time")
                .tags("sop", "izin-perluasan-usaha-industri", "step", "2", "kind", "STEP").timer();
        return t == null ? 0 : t.count();
    }
}
