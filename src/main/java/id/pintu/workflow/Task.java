package id.pintu.workflow;

import java.time.Instant;

/** One visit of a step by a case: an open task in an inbox, later an entry of the case's history. */
public record Task(
        String id,
        String applicationId,
        int stepNo,
        String stepName,
        String actor,
        TaskKind kind,
        TaskStatus status,
        Integer resumeStep,
        Instant enteredAt,
        Instant dueAt,
        String claimedBy,
        Instant claimedAt,
        Instant completedAt,
        String completedBy,
        String outcome,
        String note) {

    public boolean isOpen() {
        return status == TaskStatus.OPEN;
    }
}
