package id.pintu.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.calendar.WorkingCalendar;
import id.pintu.common.CaseLog;
import id.pintu.common.TimeOrderedIds;
import id.pintu.sop.MutuBaku;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Both ends of an actor queue. {@link #prepare} turns a routed transition into the task message for the next
 * actor; {@link #enterAll} takes those messages off the queue into the actor's inbox (the task table). The task id is
 * derived from the outbox event, so a message delivered twice (a relay or consumer that died before its
 * acknowledgement) enters the inbox once.
 */
@Component
public class TaskProjection {

    private static final Logger LOG = LoggerFactory.getLogger(TaskProjection.class);

    private final SopCatalog catalog;
    private final TaskRepository tasks;
    private final ApplicationRepository applications;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final WorkflowProperties properties;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final TaskLimits limits;

    public TaskProjection(SopCatalog catalog, TaskRepository tasks, ApplicationRepository applications,
            WorkingCalendar calendar, Clock clock, WorkflowProperties properties, TransactionTemplate tx,
            ObjectMapper json, TaskLimits limits) {
        this.limits = limits;
        this.tx = tx;
        this.json = json;
        this.catalog = catalog;
        this.tasks = tasks;
        this.applications = applications;
        this.calendar = calendar;
        this.clock = clock;
        this.properties = properties;
    }

    /** Builds the message for the step the router chose; sets the target queue header. */
    public TaskMessage prepare(
            @Header(OutboxRelay.OUTBOX_ID) String sourceId,
            @Header(WorkflowHeaders.APPLICATION_ID) String applicationId,
            @Header(WorkflowHeaders.SOP_CODE) String sopCode,
            @Header(WorkflowHeaders.SOP_VERSION) int sopVersion,
            @Header(WorkflowHeaders.STEP) Integer fromStep,
            @Header(WorkflowHeaders.NEXT_STEP) int nextStep,
            @Header(WorkflowHeaders.AWAIT_APPLICANT) Boolean awaitApplicant,
            org.apache.camel.Message message) {
        SopDefinition sop = catalog.require(sopCode, sopVersion);
        boolean clarification = Boolean.TRUE.equals(awaitApplicant);
        Step next = sop.requireStep(nextStep);
        String actor = clarification ? catalog.applicantActor().id() : next.performingActor();
        String taskId = TimeOrderedIds.derived(sourceId, ">" + nextStep + (clarification ? "/clarification" : ""));
        message.setHeader(WorkflowHeaders.ACTOR, actor);
        message.setHeader(WorkflowHeaders.ACTOR_QUEUE, properties.queueOf(actor));
        message.setHeader(WorkflowHeaders.TASK_ID, taskId);
        return new TaskMessage(taskId, applicationId, sopCode, sopVersion,
                clarification ? fromStep : nextStep, actor,
                clarification ? TaskKind.CLARIFICATION : TaskKind.STEP,
                clarification ? nextStep : null, clock.instant());
    }

    /**
     * Puts a task from the actor's queue into the inbox, once, and returns its {@code STEP_ENTERED} event for the
     * route to publish in the JMS transaction that takes the message off the queue (null: nothing to publish). A
     * redelivered message whose task is already in the inbox returns the same event again (same id): the delivery
     * that entered it may have died before its JMS transaction, and with it the publication, committed; the
     * listeners ignore an event id they have seen.
     */
    private CaseEvent enter(TaskMessage m) {
        try {
            return tx.execute(status -> enterOnce(m));
        } catch (DuplicateKeyException e) {
            // Another consumer entered the same message at the same moment (a redelivery racing the original),
            // and publishes its event.
            LOG.debug("Task {} entered concurrently by another consumer", m.taskId());
            return null;
        }
    }

    /**
     * Puts the tasks (their messages' texts) a consumer took off an actor's queue in one JMS transaction into the
     * inbox in one database transaction, and returns their {@code STEP_ENTERED} events in the order of the
     * messages, for the route to publish in that JMS transaction (see {@link #enter}). If another consumer entered one
     * of them at the same moment (a redelivery racing the original), they are entered one by one.
     */
    public List<CaseEvent> enterAll(List<String> texts) throws JsonProcessingException {
        List<TaskMessage> messages = new ArrayList<>(texts.size());
        for (String text : texts) {
            messages.add(json.readValue(text, TaskMessage.class));
        }
        if (messages.size() == 1) {
            return eventsOf(messages, this::enter);
        }
        try {
            return tx.execute(status -> eventsOf(messages, this::enterOnce));
        } catch (DuplicateKeyException e) {
            LOG.debug("A task of a batch of {} entered concurrently by another consumer; entering them one by one",
                    messages.size());
            return eventsOf(messages, this::enter);
        }
    }

    private static List<CaseEvent> eventsOf(List<TaskMessage> messages, Function<TaskMessage, CaseEvent> entering) {
        List<CaseEvent> events = new ArrayList<>(messages.size());
        for (TaskMessage m : messages) {
            CaseEvent event = entering.apply(m);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    /** The id of a task's {@code STEP_ENTERED} event: the same for every delivery of its message. */
    static String enteredEventId(String taskId) {
        return TimeOrderedIds.derived(taskId, "/entered");
    }

    private CaseEvent enterOnce(TaskMessage m) {
        Application app = applications.find(m.applicationId()).orElse(null);
        // The log context names the case and the step being entered (a batch holds tasks of many cases).
        try (CaseLog.Scope ignored = CaseLog.of(app == null ? null : app.trackingCode(), m.stepNo())) {
            return enterOnce(m, app);
        }
    }

    private CaseEvent enterOnce(TaskMessage m, Application app) {
        if (tasks.exists(m.taskId())) {
            LOG.debug("Task {} already in the inbox of {}: duplicate delivery, its event published again", m.taskId(),
                    m.actor());
            return app == null || !app.status().isOpen() ? null : entered(app, tasks.find(m.taskId()).orElseThrow());
        }
        if (app == null || !app.status().isOpen()) {
            LOG.info("Task for step {} of case {} dropped: the case is {}", m.stepNo(), m.applicationId(),
                    app == null ? "unknown" : app.status());
            return null;
        }
        Step step = catalog.require(m.sopCode(), m.sopVersion()).requireStep(m.stepNo());
        boolean clarification = m.kind() == TaskKind.CLARIFICATION;
        MutuBaku limit = limits.of(step, m.kind());
        String name = clarification ? "Klarifikasi berkas oleh pemohon (" + step.name() + ")" : step.name();
        Task task = new Task(m.taskId(), m.applicationId(), m.stepNo(), name, m.actor(), m.kind(), TaskStatus.OPEN,
                m.resumeStep(), m.enteredAt(), calendar.dueAt(m.enteredAt(), limit), null, null, null, null, null,
                null);
        tasks.insert(task);
        applications.setOpenStatus(m.applicationId(), statusWhileOpen(task), clock.instant());
        LOG.info("Case {} entered step {} ({}) for {}", app.trackingCode(), m.stepNo(), m.kind(), m.actor());
        return entered(app, task);
    }

    private static CaseStatus statusWhileOpen(Task task) {
        return task.kind() == TaskKind.CLARIFICATION ? CaseStatus.AWAITING_APPLICANT : CaseStatus.IN_PROGRESS;
    }

    private static CaseEvent entered(Application app, Task task) {
        return CaseEvents.of(enteredEventId(task.id()), CaseEvent.STEP_ENTERED, app, task, null, null,
                statusWhileOpen(task), task.enteredAt());
    }
}
