package id.pintu.workflow;

/**
 * What the outbox carries from a committed completion to the router: the task that was completed, its step and
 * outcome. {@code sourceId} (the outbox row) makes the next task's id deterministic, so routing twice after a
 * crash yields the same task once. A transition without a step starts the case at {@code startStep}.
 */
public record Transition(
        String sourceId,
        String applicationId,
        String sopCode,
        int sopVersion,
        String taskId,
        Integer stepNo,
        TaskKind kind,
        String outcome,
        Integer resumeStep,
        Integer startStep) {}
