package id.pintu.api;

import id.pintu.workflow.Application;
import id.pintu.workflow.Task;
import java.time.Instant;
import java.util.List;

/**
 * A case as staff see it: its data, its open tasks and its whole history. {@code updatedAt} is the case's last
 * activity: its last change of status, or the last step entered or completed, whichever is later (a completion does
 * not rewrite the case's row; its task row holds the time).
 */
public record CaseView(
        String id,
        String trackingCode,
        String sop,
        int sopVersion,
        String status,
        String channel,
        Instant submittedAt,
        Instant updatedAt,
        Instant closedAt,
        Application.Applicant applicant,
        Application.Company company,
        String description,
        List<TaskView> tasks,
        List<HistoryEntry> history) {

    public static CaseView of(Application a, List<Task> history) {
        return new CaseView(a.id(), a.trackingCode(), a.sopCode(), a.sopVersion(), a.status().name(), a.channel(),
                a.submittedAt(), lastActivity(a, history), a.closedAt(), a.applicant(), a.company(), a.description(),
                history.stream().filter(Task::isOpen).map(t -> TaskView.of(t, a)).toList(),
                history.stream().map(HistoryEntry::of).toList());
    }

    private static Instant lastActivity(Application a, List<Task> history) {
        Instant last = a.updatedAt();
        for (Task t : history) {
            for (Instant at : new Instant[] {t.enteredAt(), t.completedAt()}) {
                if (at != null && (last == null || at.isAfter(last))) {
                    last = at;
                }
            }
        }
        return last;
    }

    public record HistoryEntry(
            String taskId,
            int step,
            String name,
            String actor,
            String kind,
            String status,
            Instant enteredAt,
            Instant dueAt,
            Instant completedAt,
            String completedBy,
            String outcome,
            String note) {

        static HistoryEntry of(Task t) {
            return new HistoryEntry(t.id(), t.stepNo(), t.stepName(), t.actor(), t.kind().name(), t.status().name(),
                    t.enteredAt(), t.dueAt(), t.completedAt(), t.completedBy(), t.outcome(), t.note());
        }
    }
}
