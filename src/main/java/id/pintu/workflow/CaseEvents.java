package id.pintu.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.common.TimeOrderedIds;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records outbox events inside the caller's transaction and wakes the relay after commit. Case events go to the
 * durable topic; other kinds (for example MAIL) go to their feature's {@code direct:outbox-<kind>} route.
 */
@Component
public class CaseEvents {

    public static final String KIND = "CASE_EVENT";

    private final OutboxRepository outbox;
    private final OutboxRelay relay;
    private final ObjectMapper json;

    public CaseEvents(OutboxRepository outbox, OutboxRelay relay, ObjectMapper json) {
        this.outbox = outbox;
        this.relay = relay;
        this.json = json;
    }

    /** Records a case event; must run inside the transaction that made the change. */
    public void record(String type, Application app, Task task, String outcome, String by, CaseStatus status,
            Instant at) {
        CaseEvent e = of(TimeOrderedIds.next(at), type, app, task, outcome, by, status, at);
        append(e.eventId(), KIND, app.id(), e, at);
    }

    /**
     * A case event, not recorded: for a caller that publishes it itself (see TaskProjection#enter). A STEP_COMPLETED
     * event also carries when its task was entered and due, so that a listener measuring the step reads nothing.
     */
    public static CaseEvent of(String eventId, String type, Application app, Task task, String outcome, String by,
            CaseStatus status, Instant at) {
        boolean completed = task != null && CaseEvent.STEP_COMPLETED.equals(type);
        return new CaseEvent(eventId, type, app.id(), app.trackingCode(), app.sopCode(), app.sopVersion(),
                task == null ? null : task.id(), task == null ? null : task.stepNo(),
                task == null ? null : task.actor(), task == null ? null : task.kind(), outcome, by, status, at,
                completed ? task.enteredAt() : null, completed ? task.dueAt() : null);
    }

    /** Appends any outbox event in the caller's transaction; it is routed after commit. */
    public void append(String id, String kind, String applicationId, Object payload, Instant at) {
        String body = inTransaction(payload);
        Instant heldUntil = relay.holdUntil();
        outbox.insert(id, kind, applicationId, body, at, heldUntil);
        OutboxRepository.Event event = new OutboxRepository.Event(id, kind, applicationId, body, 0);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake(new OutboxRelay.Committed(event, heldUntil));
            }
        });
    }

    /**
     * Appends an outbox event that cannot be routed before another feature's output for the case exists: it is not
     * tried after commit but waits, like an event whose try failed for want of that output, until the feature
     * reports {@code waitsFor} for the case ({@link OutboxRelay#retryWaiting}; null: any output) or, at the latest,
     * until {@code until}. {@code reason} is what the outbox row shows as its last error.
     */
    public void appendWaiting(String id, String kind, String applicationId, Object payload, Instant at, Instant until,
            String reason, String waitsFor) {
        outbox.insertWaiting(id, kind, applicationId, inTransaction(payload), at, until, reason, waitsFor);
    }

    private String inTransaction(Object payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox events are recorded inside the transaction of their change");
        }
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
