package id.pintu.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditEntry;
import id.pintu.audit.AuditTrail;
import id.pintu.audit.CaseEventAudit;
import id.pintu.sla.Escalation;
import id.pintu.sla.EscalationRepository;
import id.pintu.sop.Outcome;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * A case's history as the staff pages show it: each step with its actor, mutu baku, time taken and outcome, and what
 * happened to its task on the way: the SLA's reminder and breach report (with the actor they went to) and a
 * supervisor's release or reassignment (who, and who held the task before and after), and a release by the hub when
 * the holder no longer held the task's role ({@code StrandedClaims}). The head of office, who answers for every late
 * step, sees on the case's page when it was reported and what was done about it.
 */
@Component
class CaseTimeline {

    /** A history entry as the staff timeline shows it. */
    record HistoryItem(Task task, String actorName, String waktu, Duration taken, boolean late, String outcomeLabel,
            List<Mark> marks) {}

    /** Something that happened to a task while it was open: a message key of {@code history.*} and its arguments. */
    record Mark(Instant at, String key, List<Object> args) {

        public Object[] arguments() {
            return args.toArray();
        }
    }

    private static final List<String> SUPERVISOR_ACTIONS =
            List.of(AuditActions.TASK_RELEASED, AuditActions.TASK_REASSIGNED);

    private final StaffAccess access;
    private final SlaClock sla;
    private final EscalationRepository escalations;
    private final AuditTrail audit;
    private final WebFormat format;
    private final ObjectMapper json;

    CaseTimeline(StaffAccess access, SlaClock sla, EscalationRepository escalations, AuditTrail audit,
            WebFormat format, ObjectMapper json) {
        this.access = access;
        this.sla = sla;
        this.escalations = escalations;
        this.audit = audit;
        this.format = format;
        this.json = json;
    }

    /** The history of {@code applicationId}, whose tasks are {@code entries} (in the order they entered). */
    List<HistoryItem> of(SopDefinition sop, String applicationId, List<Task> entries) {
        Map<String, List<Mark>> marks = marks(applicationId);
        Instant now = sla.now();
        return entries.stream().map(t -> {
            Step s = sop.step(t.stepNo()).orElse(null);
            boolean clarification = t.kind() == TaskKind.CLARIFICATION;
            String waktu = s == null || clarification ? null : s.waktu();
            Instant end = t.completedAt() == null ? now : t.completedAt();
            String label = s == null || t.outcome() == null ? null
                    : s.outcome(t.outcome()).map(Outcome::label).orElse(t.outcome());
            return new HistoryItem(t, access.actorName(t.actor()), waktu, sla.taken(t.enteredAt(), t.completedAt()),
                    end.isAfter(t.dueAt()), label, marks.getOrDefault(t.id(), List.of()));
        }).toList();
    }

    /** Each task's escalations and supervisors' actions, oldest first. */
    private Map<String, List<Mark>> marks(String applicationId) {
        Map<String, List<Mark>> byTask = new HashMap<>();
        for (EscalationRepository.OfCase e : escalations.ofCase(applicationId)) {
            String key = e.level() >= Escalation.BREACH ? "history.breach" : "history.reminder";
            byTask.computeIfAbsent(e.taskId(), k -> new ArrayList<>()).add(new Mark(e.escalatedAt(), key,
                    List.of(format.time(e.escalatedAt()), access.actorName(e.notifiedActor()))));
        }
        for (AuditEntry a : audit.ofApplication(applicationId, SUPERVISOR_ACTIONS)) {
            String at = format.time(a.at());
            String before = holder(a.before());
            Mark mark;
            boolean released = a.action().equals(AuditActions.TASK_RELEASED);
            JsonNode away = released ? read(a.after()) : MissingNode.getInstance();
            if (released && a.actor().equals(CaseEventAudit.SYSTEM) && away.path("awayUntil").isTextual()) {
                // the holder's leave began (an absence in the acting file)
                String reason = away.path("awayReason").asText("");
                mark = new Mark(a.at(), reason.isEmpty() ? "history.releasedAway" : "history.releasedAwayBecause",
                        List.of(at, Objects.requireNonNullElse(before, "-"),
                                format.date(LocalDate.parse(away.path("awayUntil").asText())), reason));
            } else if (released && a.actor().equals(CaseEventAudit.SYSTEM)) {
                mark = new Mark(a.at(), "history.releasedStranded",
                        List.of(at, Objects.requireNonNullElse(before, "-")));
            } else if (released) {
                mark = before == null ? new Mark(a.at(), "history.releasedUnclaimed", List.of(at, a.actor()))
                        : new Mark(a.at(), "history.released", List.of(at, a.actor(), before));
            } else {
                String after = Objects.requireNonNullElse(holder(a.after()), "-");
                mark = before == null ? new Mark(a.at(), "history.assigned", List.of(at, a.actor(), after))
                        : new Mark(a.at(), "history.reassigned", List.of(at, a.actor(), before, after));
            }
            byTask.computeIfAbsent(a.subject(), k -> new ArrayList<>()).add(mark);
        }
        byTask.values().forEach(list -> list.sort(Comparator.comparing(Mark::at)));
        return byTask;
    }

    /** Who held the task in an action's before or after state (the audit leaves out a null); null for nobody. */
    private String holder(String state) {
        JsonNode claimedBy = read(state).path("claimedBy");
        return claimedBy.isTextual() ? claimedBy.asText() : null;
    }

    /** An audit entry's state as JSON; a missing node for none or for text that is not JSON. */
    private JsonNode read(String state) {
        if (state == null) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(state);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
