package id.pintu.ops;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The hub's Prometheus figures. Counters and step durations come from the case events (one shared subscription,
 * so each event is counted once across the instances running; not durable, as the counters start from zero with the
 * JVM); depths are read when scraped, cached briefly so
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
            OutboxRepository outbox, ObjectMapper json) {
        this.registry = registry;
        this.catalog = catalog;
        this.tasks = tasks;
        this.calendar = calendar;
        this.jms = jms;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        for (String actor : catalog.actors().keySet()) {
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
        Gauge.builder("pintu.dead.letters", () -> cached("dlq", () -> browseCount(messaging.deadLetterQueue())))
                .description("Messages on the dead-letter queue")
                .register(registry);
        Gauge.builder("pintu.outbox.pending", () -> cached("outbox", outbox::pending))
                .description("Committed events not yet routed")
                .register(registry);
    }

    /**
     * Called by the route {@code metrics-events} with a batch of case events as published (their JSON texts). Every
     * event is read, and what it counts worked out, before anything is counted: a batch that fails counts nothing,
     * and jms-batch then hands its events over one at a time, so each readable event is counted once and an
     * unreadable one goes to the dead-letter queue on its own.
     */
    public void recordAll(List<String> events) throws JsonProcessingException {
        List<Runnable> counts = new ArrayList<>(events.size());
        for (CaseEvent event : CaseEvent.readAll(json, events)) {
            counts.add(countOf(event));
        }
        counts.forEach(Runnable::run);
    }

    /** Counts one case event; a completed step is also timed against the office calendar and its mutu baku. */
    public void record(CaseEvent e) {
        countOf(e).run();
    }

    /** What an event counts, worked out (reads included) but not yet counted: running it only updates meters. */
    private Runnable countOf(CaseEvent e) {
        return switch (e.type()) {
            case CaseEvent.SUBMITTED -> () -> registry.counter("pintu.cases.started", "sop", e.sopCode()).increment();
            case CaseEvent.CASE_CLOSED -> () -> registry.counter("pintu.cases.finished", "sop", e.sopCode(),
                    "status", String.valueOf(e.status())).increment();
            case CaseEvent.STEP_COMPLETED -> stepCompleted(e);
            default -> () -> { };
        };
    }

    private Runnable stepCompleted(CaseEvent e) {
        if (e.stepEnteredAt() == null || e.stepDueAt() == null || e.stepNo() == null || e.taskKind() == null) {
            // An event written before it carried the step's times: read them from its task.
            Task t = tasks.find(e.taskId()).orElse(null);
            if (t == null || t.completedAt() == null) {
                return () -> { };
            }
            return stepCount(e.sopCode(), t.stepNo(), t.kind(), t.enteredAt(), t.dueAt(), t.completedAt());
        }
        return stepCount(e.sopCode(), e.stepNo(), e.taskKind(), e.stepEnteredAt(), e.stepDueAt(), e.at());
    }

    private Runnable stepCount(String sopCode, int stepNo, TaskKind kind, Instant enteredAt, Instant dueAt,
            Instant completedAt) {
        String step = String.valueOf(stepNo);
        Duration working = calendar.workingTimeBetween(enteredAt, completedAt);
        MutuBaku limit = catalog.find(sopCode).flatMap(s -> s.step(stepNo)).map(s -> s.duration()).orElse(null);
        boolean late = completedAt.isAfter(dueAt);
        return () -> {
            Timer.builder("pintu.step.working.time")
                    .description("Working time a step took, against the office calendar")
                    .tags("sop", sopCode, "step", step, "kind", kind.name())
                    .register(registry)
                    .record(working);
            if (limit != null) {
                DistributionSummary.builder("pintu.step.mutu.ratio")
                        .description("Working time taken divided by the step's mutu baku (above 1 = late)")
                        .tags("sop", sopCode, "step", step)
                        .register(registry)
                        .record((double) working.toMinutes() / limitMinutes(limit));
                registry.counter("pintu.steps.completed", "sop", sopCode, "step", step, "late", String.valueOf(late))
                        .increment();
            }
        };
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
