package id.pintu.web;

import id.pintu.sop.Outcome;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** A case's history as the staff pages show it: each step with its actor, mutu baku, time taken and outcome. */
@Component
class CaseTimeline {

    /** A history entry as the staff timeline shows it. */
    record HistoryItem(Task task, String actorName, String waktu, Duration taken, boolean late, String outcomeLabel) {}

    private final StaffAccess access;
    private final SlaClock sla;

    CaseTimeline(StaffAccess access, SlaClock sla) {
        this.access = access;
        this.sla = sla;
    }

    List<HistoryItem> of(SopDefinition sop, List<Task> entries) {
        Instant now = sla.now();
        return entries.stream().map(t -> {
            Step s = sop.step(t.stepNo()).orElse(null);
            boolean clarification = t.kind() == TaskKind.CLARIFICATION;
            String waktu = s == null || clarification ? null : s.waktu();
            Instant end = t.completedAt() == null ? now : t.completedAt();
            String label = s == null || t.outcome() == null ? null
                    : s.outcome(t.outcome()).map(Outcome::label).orElse(t.outcome());
            return new HistoryItem(t, access.actorName(t.actor()), waktu, sla.taken(t.enteredAt(), t.completedAt()),
                    end.isAfter(t.dueAt()), label);
        }).toList();
    }
}
