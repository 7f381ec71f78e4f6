package id.pintu.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.workflow.CaseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a case event into its audit entry: who ({@code by}, or {@code system} for the hub's own moves), what (the
 * event type), the task as subject, and the task's and case's state before and after.
 */
@Component("caseEventAudit")
public class CaseEventAudit {

    public static final String SYSTEM = "system";

    private final AuditTrail trail;
    private final ObjectMapper json;

    public CaseEventAudit(AuditTrail trail, ObjectMapper json) {
        this.trail = trail;
        this.json = json;
    }

    /**
     * Appends a batch of case events (their JSON, as published) in one transaction, in the order given; an event
     * already in the trail is skipped. One unreadable event fails the whole batch, before anything is written.
     */
    public int recordAll(List<String> events) throws JsonProcessingException {
        return trail.appendAll(CaseEvent.readAll(json, events).stream().map(CaseEventAudit::toRecord).toList())
                .size();
    }

    static AuditTrail.Record toRecord(CaseEvent e) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        switch (e.type()) {
            case CaseEvent.SUBMITTED -> {
                after.put("trackingCode", e.trackingCode());
                after.put("sop", e.sopCode() + " v" + e.sopVersion());
                after.put("caseStatus", String.valueOf(e.status()));
            }
            case CaseEvent.STEP_ENTERED -> {
                after.put("step", e.stepNo());
                after.put("actor", e.actor());
                after.put("task", "OPEN");
            }
            case CaseEvent.STEP_COMPLETED -> {
                before.put("step", e.stepNo());
                before.put("task", "OPEN");
                after.put("step", e.stepNo());
                after.put("task", "COMPLETED");
                if (e.outcome() != null) {
                    after.put("outcome", e.outcome());
                }
                after.put("caseStatus", String.valueOf(e.status()));
            }
            case CaseEvent.CASE_CLOSED -> {
                before.put("caseStatus", "open");
                after.put("caseStatus", String.valueOf(e.status()));
            }
            default -> after.put("caseStatus", String.valueOf(e.status()));
        }
        return new AuditTrail.Record(e.by() == null ? SYSTEM : e.by(), e.type(), e.applicationId(), e.taskId(),
                before.isEmpty() ? null : before, after.isEmpty() ? null : after, e.eventId());
    }
}
