package id.pintu.workflow;

import id.pintu.calendar.WorkingCalendar;
import id.pintu.common.CaseLog;
import id.pintu.common.Sha256;
import id.pintu.common.TimeOrderedIds;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workflow's commands: submit, claim, complete, withdraw. Each is one database transaction that records the
 * change and, where the case moves on, an outbox event; routing to the next actor's queue happens after commit
 * (see {@link OutboxRelay}), so a crash at any moment leaves either nothing or a change that will be routed.
 */
@Service
public class WorkflowService {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowService.class);
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final SopCatalog catalog;
    private final ApplicationRepository applications;
    private final TaskRepository tasks;
    private final CaseEvents events;
    private final WorkingCalendar calendar;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WorkflowProperties properties;
    private final SecureRandom random = new SecureRandom();

    public WorkflowService(SopCatalog catalog, ApplicationRepository applications, TaskRepository tasks,
            CaseEvents events, WorkingCalendar calendar, TransactionTemplate tx, Clock clock,
            WorkflowProperties properties) {
        this.catalog = catalog;
        this.applications = applications;
        this.tasks = tasks;
        this.events = events;
        this.calendar = calendar;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Accepts an application (SOP step 1 when the applicant performs it): the case, its first history entry and the
     * event that routes it to the next step are stored together.
     */
    public Submitted submit(NewApplication request) {
        SopDefinition sop = request.sopCode() == null ? catalog.defaultSop() : catalog.require(request.sopCode());
        Step first = sop.firstStep();
        String token = newToken();
        for (int attempt = 0; ; attempt++) {
            Instant now = clock.instant();
            Application app = new Application(TimeOrderedIds.next(now), newTrackingCode(now), sop.code(),
                    sop.versionOrDefault(), CaseStatus.IN_PROGRESS, request.channel(), request.applicant(),
                    request.company(), request.description(), now, now, null);
            try {
                Application stored = tx.execute(status -> {
                    applications.insert(app, hash(token));
                    CaseEvent submitted = CaseEvents.of(TimeOrderedIds.next(now), CaseEvent.SUBMITTED, app, null, null,
                            request.applicant().email(), app.status(), now);
                    String eventId = TimeOrderedIds.next(now);
                    if (catalog.isApplicant(first.performingActor())) {
                        tasks.insert(new Task(TimeOrderedIds.next(now), app.id(), first.no(), first.name(),
                                first.performingActor(), TaskKind.STEP, TaskStatus.COMPLETED, null, now,
                                calendar.dueAt(now, first.duration()), null, null, now, request.applicant().email(),
                                null, "Diajukan melalui " + request.channel()));
                        emit(new Transition(eventId, app.id(), sop.code(), sop.versionOrDefault(), null, first.no(),
                                TaskKind.STEP, null, null, null, submitted), now);
                    } else {
                        emit(new Transition(eventId, app.id(), sop.code(), sop.versionOrDefault(), null, null,
                                TaskKind.STEP, null, null, first.no(), submitted), now);
                    }
                    return app;
                });
                LOG.info("Application {} accepted for SOP {} via {}", stored.trackingCode(), sop.code(), request.channel());
                return new Submitted(stored, token);
            } catch (DuplicateKeyException e) {
                if (attempt >= 3) {
                    throw e;
                }
                LOG.warn("Tracking code collision, drawing another");
            }
        }
    }

    public Task claim(String taskId, Caller caller) {
        Task task = tasks.find(taskId).orElseThrow(() -> WorkflowException.notFound("no task " + taskId));
        authorize(task, caller);
        if (!task.isOpen()) {
            throw WorkflowException.conflict("task " + taskId + " is already " + task.status().name().toLowerCase());
        }
        if (caller.name().equals(task.claimedBy())) {
            return task;
        }
        if (!tasks.claim(taskId, caller.name(), clock.instant())) {
            Task now = tasks.find(taskId).orElseThrow();
            if (caller.name().equals(now.claimedBy()) && now.isOpen()) {
                return now;
            }
            throw WorkflowException.conflict(now.isOpen()
                    ? "task " + taskId + " is held by " + now.claimedBy()
                    : "task " + taskId + " is already " + now.status().name().toLowerCase());
        }
        return tasks.find(taskId).orElseThrow();
    }

    /** Claims the oldest unclaimed task of an actor for the caller; empty when the inbox has none. */
    public java.util.Optional<Task> takeNext(String actor, Caller caller) {
        if (!mayActAs(caller, actor)) {
            throw WorkflowException.forbidden(caller.name() + " does not hold the role " + actor);
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            java.util.Optional<String> candidate = tasks.oldestUnclaimed(actor);
            if (candidate.isEmpty()) {
                return java.util.Optional.empty();
            }
            if (tasks.claim(candidate.get(), caller.name(), clock.instant())) {
                return tasks.find(candidate.get());
            }
        }
        throw WorkflowException.conflict("the inbox of " + actor + " is busy; try again");
    }

    /**
     * Completes a task. Completing twice, or a task someone else holds, is refused by the conditional update, so a
     * case never advances twice from one task. The applicant's own answer (by email, on the tracking page) completes
     * their step even while a clerk of the front office holds it for them: the clerk held it on the applicant's
     * behalf, and the answer must neither wait for that hold nor be lost to it.
     */
    public Task complete(String taskId, String outcome, String note, Caller caller) {
        refuseLongNote(note);
        Task task = tasks.find(taskId).orElseThrow(() -> WorkflowException.notFound("no task " + taskId));
        authorize(task, caller);
        if (!task.isOpen()) {
            throw WorkflowException.conflict("task " + taskId + " is already " + task.status().name().toLowerCase());
        }
        String otherHolder = task.claimedBy() != null && !task.claimedBy().equals(caller.name())
                ? task.claimedBy() : null;
        if (otherHolder != null && !caller.isApplicant()) {
            throw WorkflowException.conflict("task " + taskId + " is held by " + task.claimedBy());
        }
        Application app = applications.find(task.applicationId()).orElseThrow();
        try (CaseLog.Scope ignored = CaseLog.of(app.trackingCode(), task.stepNo())) {
            return completeInCase(task, app, outcome, note, caller, otherHolder);
        }
    }

    private Task completeInCase(Task task, Application app, String outcome, String note, Caller caller,
            String otherHolder) {
        String taskId = task.id();
        Step step = catalog.require(app.sopCode(), app.sopVersion()).requireStep(task.stepNo());
        String chosen = outcome == null || outcome.isBlank() ? null : outcome.trim();
        if (task.kind() == TaskKind.STEP && step.isDecision()) {
            if (chosen == null || step.outcome(chosen).isEmpty()) {
                throw WorkflowException.unprocessable("step " + step.no() + " is a decision: outcome must be one of "
                        + step.outcomesOrEmpty().stream().map(o -> o.id()).collect(Collectors.joining(", ")));
            }
        } else if (chosen != null) {
            throw WorkflowException.unprocessable("step " + step.no() + " is not a decision: it takes no outcome");
        }
        // To the microsecond, as the database keeps it: the task returned below is built from these values.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean done = Boolean.TRUE.equals(tx.execute(status -> {
            // The applicant's answer does not depend on the hold read above: a clerk may take or release the step
            // between that reading and this update.
            if (caller.isApplicant() ? !tasks.completeAsApplicant(taskId, caller.name(), chosen, note, now)
                    : !tasks.complete(taskId, caller.name(), chosen, note, now)) {
                return false;
            }
            String transitionId = TimeOrderedIds.next(now);
            CaseEvent completed = CaseEvents.of(TimeOrderedIds.next(now), CaseEvent.STEP_COMPLETED, app, task, chosen,
                    caller.name(), app.status(), now);
            emit(new Transition(transitionId, app.id(), app.sopCode(), app.sopVersion(), taskId, task.stepNo(),
                    task.kind(), chosen, task.resumeStep(), null, completed), now);
            return true;
        }));
        if (!done) {
            Task current = tasks.find(taskId).orElseThrow();
            throw WorkflowException.conflict(current.isOpen()
                    ? "task " + taskId + " is held by " + current.claimedBy()
                    : "task " + taskId + " is already " + current.status().name().toLowerCase());
        }
        LOG.info("Case {} step {} completed by {} (outcome {}){}", app.trackingCode(), task.stepNo(), caller.name(),
                chosen, otherHolder == null ? "" : ", held for the applicant by " + otherHolder);
        // What the conditional update wrote, without reading it back: the task was open and unclaimed or held by
        // the caller, so it is now the caller's, claimed when it was claimed or else now (or still the clerk's who
        // held it for the applicant).
        return new Task(task.id(), task.applicationId(), task.stepNo(), task.stepName(), task.actor(), task.kind(),
                TaskStatus.COMPLETED, task.resumeStep(), task.enteredAt(), task.dueAt(),
                otherHolder == null ? caller.name() : otherHolder,
                task.claimedBy() != null ? task.claimedAt() : now, now, caller.name(), chosen, note);
    }

    /** The applicant (or the front office for them) withdraws an open case: its open tasks are cancelled. */
    public Application withdraw(String applicationId, String reason, Caller caller) {
        refuseLongNote(reason);
        Application app = applications.find(applicationId)
                .orElseThrow(() -> WorkflowException.notFound("no application " + applicationId));
        boolean allowed = caller.isApplicant()
                ? applicationId.equals(caller.applicantOfCase())
                : caller.holds(properties.applicantDelegate());
        if (!allowed) {
            throw WorkflowException.forbidden("only the applicant or the " + properties.applicantDelegate()
                    + " may withdraw an application");
        }
        Instant now = clock.instant();
        boolean closed = Boolean.TRUE.equals(tx.execute(status -> {
            if (!applications.close(applicationId, CaseStatus.WITHDRAWN, now)) {
                return false;
            }
            tasks.cancelOpen(applicationId, now, caller.name(), reason == null ? "Permohonan dicabut" : reason);
            events.record(CaseEvent.CASE_CLOSED, app, null, null, caller.name(), CaseStatus.WITHDRAWN, now);
            return true;
        }));
        if (!closed) {
            throw WorkflowException.conflict("application " + app.trackingCode() + " is already " + app.status());
        }
        return applications.find(applicationId).orElseThrow();
    }

    /** A task's note holds this many characters (the column's size): more is refused, not a database error. */
    public static final int MAX_NOTE = 2000;

    private static void refuseLongNote(String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw WorkflowException.unprocessable("a note holds at most " + MAX_NOTE + " characters, not "
                    + note.length());
        }
    }

    /**
     * Whether the applicant may complete {@code task} by confirming it themselves (the tracking page's "Konfirmasi
     * penerimaan", the API's confirm): an applicant's step that ends the case, the receipt of its last letter. Another
     * step of the applicant's (a tax payment whose proof the next step needs, a resubmission) is completed by the
     * front office on their behalf, when what it asks for has arrived: one click completed it with nothing.
     */
    public boolean applicantConfirms(Application app, Task task) {
        return task.kind() == TaskKind.STEP && catalog.find(app.sopCode(), app.sopVersion())
                .flatMap(sop -> sop.step(task.stepNo())).map(step -> step.end() != null).orElse(false);
    }

    /** The last step of a branch is done: the case ends. Idempotent, as routing may be repeated after a crash. */
    public void finish(String applicationId, CaseStatus status) {
        Instant now = clock.instant();
        boolean closed = Boolean.TRUE.equals(tx.execute(s -> {
            if (!applications.close(applicationId, status, now)) {
                return false;
            }
            Application app = applications.find(applicationId).orElseThrow();
            events.record(CaseEvent.CASE_CLOSED, app, null, null, null, status, now);
            return true;
        }));
        if (closed) {
            LOG.info("Case {} closed as {}", applicationId, status);
        }
    }

    public boolean tokenMatches(String applicationId, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        return applications.tokenHash(applicationId)
                .map(h -> MessageDigest.isEqual(h.getBytes(StandardCharsets.US_ASCII),
                        hash(token.trim()).getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    public boolean mayActAs(Caller caller, String actor) {
        if (caller.isApplicant()) {
            return catalog.isApplicant(actor);
        }
        return caller.holds(actor) || (catalog.isApplicant(actor) && caller.holds(properties.applicantDelegate()));
    }

    private void authorize(Task task, Caller caller) {
        if (caller.isApplicant() && !task.applicationId().equals(caller.applicantOfCase())) {
            throw WorkflowException.notFound("no task " + task.id());
        }
        if (!mayActAs(caller, task.actor())) {
            throw WorkflowException.forbidden("step " + task.stepNo() + " is performed by " + task.actor() + "; "
                    + caller.name() + " does not hold that role");
        }
    }

    /** The transition and its case event: one outbox row, routed and published in one JMS transaction. */
    private void emit(Transition t, Instant now) {
        events.append(t.sourceId(), OutboxRelay.TRANSITION, t.applicationId(), t, now);
    }

    private String newTrackingCode(Instant now) {
        StringBuilder sb = new StringBuilder("PTU-").append(now.atZone(WIB).getYear() % 100).append('-');
        for (int i = 0; i < 7; i++) {
            sb.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return sb.toString();
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }

    public List<Task> openTasks(String applicationId) {
        return tasks.openTasks(applicationId);
    }

    public List<Task> history(String applicationId) {
        return tasks.history(applicationId);
    }
}
