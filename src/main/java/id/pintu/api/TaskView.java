package id.pintu.api;

import id.pintu.workflow.Application;
import id.pintu.workflow.Task;
import java.time.Instant;

/** An open task as an inbox shows it. */
public record TaskView(
        String taskId,
        String applicationId,
        String trackingCode,
        String sop,
        Integer sopVersion,
        int step,
        String name,
        String actor,
        String kind,
        String status,
        Instant enteredAt,
        Instant dueAt,
        String claimedBy,
        String companyName,
        String applicantName) {

    public static TaskView of(Task t, Application a) {
        return new TaskView(t.id(), t.applicationId(), a == null ? null : a.trackingCode(),
                a == null ? null : a.sopCode(), a == null ? null : a.sopVersion(), t.stepNo(), t.stepName(),
                t.actor(), t.kind().name(), t.status().name(), t.enteredAt(), t.dueAt(), t.claimedBy(),
                a == null ? null : a.company().name(), a == null ? null : a.applicant().name());
    }
}
