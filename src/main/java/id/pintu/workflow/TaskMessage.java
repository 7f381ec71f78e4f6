package id.pintu.workflow;

import java.time.Instant;

/** The persistent message on an actor's queue: a task to enter into that actor's inbox. */
public record TaskMessage(
        String taskId,
        String applicationId,
        String sopCode,
        int sopVersion,
        int stepNo,
        String actor,
        TaskKind kind,
        Integer resumeStep,
        Instant enteredAt) {}
