package id.pintu.workflow;

/** In-process endpoints that tie the workflow routes together (external URIs live in configuration). */
public final class WorkflowEndpoints {

    /** The relay hands each outbox event to {@code direct:outbox-<kind>}. */
    public static final String OUTBOX_PREFIX = "direct:outbox-";
    public static final String TRANSITION = OUTBOX_PREFIX + "transition";
    /** Rows of kind STEP_COMPLETED, which older hubs wrote: routed as a transition. */
    public static final String OLDER_TRANSITION = OUTBOX_PREFIX + "step-completed";
    /** A transition's way to its next step and its case event's publication, in one JMS transaction. */
    public static final String NEXT_STEP = "direct:workflow-next-step";
    /** A case event (the body) to the events topic. */
    public static final String PUBLISH_EVENT = "direct:publish-case-event";
    public static final String ENTER_STEP = "direct:enter-step";
    public static final String CASE_FINISHED = "direct:case-finished";
    public static final String OUTBOX_WAKEUP = "seda:outbox-wakeup";
    /** The fast path of the kinds that talk to an outside server ({@link OutboxRelayProperties.Outside}). */
    public static final String OUTBOX_WAKEUP_OUTSIDE = "seda:outbox-wakeup-outside";

    private WorkflowEndpoints() {}

    /** Where a step with {@code integration: <name>} hands over before its next step is entered. */
    public static String integrationEndpoint(String integration) {
        return "direct:integration-" + integration;
    }

    /** A step of one version of an SOP: cases of an old version keep their own routes. */
    public static String stepEndpoint(String sopCode, int sopVersion, int stepNo) {
        return "direct:" + sopCode + ".v" + sopVersion + ".step-" + stepNo;
    }
}
