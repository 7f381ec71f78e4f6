package id.pintu.ops;

import id.pintu.intake.ApplicantMessages;
import id.pintu.intake.IntakeRecords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.calendar.WorkingCalendar;
import id.pintu.messaging.MessagingProperties;
import id.pintu.sop.MutuBaku;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.OutboxRepository;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.WorkflowProperties;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The hub's Prometheus figures. Counters and step durations come from the case events (one durable shared
 * subscription, so each event is counted once across instances); depths are read when scraped, cached briefly so
 * a scrape never walks a deep queue twice in a row.
 */
@Component
public class WorkflowMetrics {

    private static final Duration CACHE = Duration.ofSeconds(10);
    private static final int MAX_BROWSE = 10_000;

    private final MeterRegistry registry;
    private final SopCatalog catalog;
    private final TaskRepository tasks;
    private final WorkingCalendar calendar;
    private final JmsTemplate jms;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, long[]> cache = new ConcurrentHashMap<>();

    public WorkflowMetrics(MeterRegistry registry, SopCatalog catalog, TaskRepository tasks, WorkingCalendar calendar,
            JmsTemplate jms, JdbcClient jdbc, Clock clock, WorkflowProperties workflow, MessagingProperties messaging,
            OutboxRepository outbox, ObjectMapper json, IntakeRecords intake, ApplicantMessages messages) {
        this.registry = registry;
        this.catalog = catalog;
        this.tasks = tasks;
        this.calendar = calendar;
        this.jms = jms;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        catalog.actors().keySet().forEach(actor -> actorGauges(actor, workflow));
        // An actor added to the actors file while the hub runs gets its gauges too.
        catalog.onActorsAdded(added -> added.forEach(a -> actorGauges(a.id(), workflow)));
        Gauge.builder("pintu.dead.letters", () -> cached("dlq", () -> browseCount(messaging.deadLetterQueue())))
                .description("Messages on the dead-letter queue")
                .register(registry);
        Gauge.builder("pintu.outbox.pending", () -> cached("outbox", outbox::pending))
                .description("Committed events not yet routed")
                .register(registry);
        Gauge.builder("pintu.intake.review.open", () -> cached("review", intake::openReviews))
                .description("Emails of the review queue that no one has marked handled")
                .register(registry);
        Gauge.builder("pintu.applicant.messages.open", () -> cached("messages", () -> messages.waiting().count()))
                .description("Applicants' emails to their cases that no one has answered or marked handled")
                .register(registry);
    }

    private void actorGauges(String actor, WorkflowProperties workflow) {
        String queue = workflow.queueOf(actor);
        Gauge.builder("pintu.queue.depth", () -> cached("q:" + queue, () -> browseCount(queue)))
                .description("Messages waiting on the actor's durable queue")
                .tag("actor", actor)
                .register(registry);
        Gauge.builder("pintu.inbox.open", () -> cached("i:" + actor, () -> jdbc
                        .sql("SELECT COUNT(*) FROM task WHERE actor = ? AND status = 'OPEN'")
                        .param(actor).query(Long.class).single()))
                .description("Open tasks in the actor's inbox")
                .tag("actor", actor)
                .register(registry);
    }

    /** Called by the route {@code metrics-events} for each case event, as published (its JSON text). */
    public void recordJson(String event) throws JsonProcessingException {
        record(json.readValue(event, CaseEvent.class));
    }

    /** Counts one case event; a completed step is also timed against the office calendar and its mutu baku. */
    public void record(CaseEvent e) {
        switch (e.type()) {
            case CaseEvent.SUBMITTED -> registry.counter("pintu.cases.started", "sop", e.sopCode()).increment();
            case CaseEvent.CASE_CLOSED -> registry.counter("pintu.cases.finished", "sop", e.sopCode(),
                    "status", String.valueOf(e.status())).increment();
            case CaseEvent.STEP_COMPLETED -> stepCompleted(e);
            default -> { }
        }
    }

    private void stepCompleted(CaseEvent e) {
        Instant enteredAt = e.stepEnteredAt();
        Instant dueAt = e.stepDueAt();
        Instant completedAt = e.at();
        if (enteredAt == null || dueAt == null || e.stepNo() == null || e.taskKind() == null) {
            // An event written before it carried the step's times: read them from its task.
            Task t = tasks.find(e.taskId()).orElse(null);
            if (t == null || t.completedAt() == null) {
                return;
            }
            recordStep(e.sopCode(), t.stepNo(), t.kind(), t.enteredAt(), t.dueAt(), t.completedAt());
            return;
        }
        recordStep(e.sopCode(), e.stepNo(), e.taskKind(), enteredAt, dueAt, completedAt);
    }

    private void recordStep(String sopCode, int stepNo, TaskKind kind, Instant enteredAt, Instant dueAt,
            Instant completedAt) {
        String step = String.valueOf(stepNo);
        Duration working = calendar.workingTimeBetween(enteredAt, completedAt);
        Timer.builder("pintu.step.working.time")
                .description("Working time a step took, against the office calendar")
                .tags("sop", sopCode, "step", step, "kind", kind.name())
                .register(registry)
                .record(working);
        catalog.find(sopCode).flatMap(s -> s.step(stepNo)).ifPresent(s -> {
            DistributionSummary.builder("pintu.step.mutu.ratio")
                    .description("Working time taken divided by the step's mutu baku (above 1 = late)")
                    .tags("sop", sopCode, "step", step)
                    .register(registry)
                    .record((double) working.toMinutes() / limitMinutes(s.duration()));
            boolean late = completedAt.isAfter(dueAt);
            registry.counter("pintu.steps.completed", "sop", sopCode, "step", step, "late", String.valueOf(late))
                    .increment();
        });
    }

    /** A working day counted as the office's usual 7 working hours, only to scale the ratio. */
    private static double limitMinutes(MutuBaku m) {
        return Math.max(1, m.workingDays() * 7 * 60 + m.workingTime().toMinutes());
    }

    private long browseCount(String queue) {
        Integer n = jms.browse(queue, (session, browser) -> {
            int count = 0;
            for (var e = browser.getEnumeration(); e.hasMoreElements() && count < MAX_BROWSE; e.nextElement()) {
                count++;
            }
            return count;
        });
        return n == null ? 0 : n;
    }

    private double cached(String key, java.util.function.LongSupplier read) {
        long now = clock.millis();
        long[] entry = cache.get(key);
        if (entry == null || now - entry[1] > CACHE.toMillis()) {
            entry = new long[] {read.getAsLong(), now};
            cache.put(key, entry);
        }
        return entry[0];
    }
}
