package id.pintu.workflow;

/**
 * What the outbox carries from a committed completion to the router: the task that was completed, its step and
 * outcome. {@code sourceId} (the outbox row) makes the next task's id deterministic, so routing twice after a
 * crash yields the same task once. A transition without a step starts the case at {@code startStep}.
 *
 * @param event the case event of the change ({@code STEP_COMPLETED}, or {@code SUBMITTED} for a case's start),
 *     published with the next step's message in one JMS transaction (see {@code WorkflowRoutes}); null in the
 *     rows of kind {@code STEP_COMPLETED} that older hubs wrote (their event has a {@code CASE_EVENT} row of its own),
 *     and once the event went out alone because routing the transition failed (it is routed again without it)
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
        Integer startStep,
        CaseEvent event) {

    /** The same transition, its event already published. */
    public Transition withoutEvent() {
        return new Transition(sourceId, applicationId, sopCode, sopVersion, taskId, stepNo, kind, outcome, resumeStep,
                startStep, null);
    }
}
