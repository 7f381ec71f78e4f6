package id.pintu.workflow;

/** Camel header names of the workflow routes, in one place. Valid JMS property names (no dots or dashes). */
public final class WorkflowHeaders {

    public static final String APPLICATION_ID = "PintuApplicationId";
    /** The case's tracking code, where the sender knows it (case events); else log lines look it up by the id. */
    public static final String TRACKING_CODE = "PintuTrackingCode";
    public static final String SOP_CODE = "PintuSopCode";
    public static final String SOP_VERSION = "PintuSopVersion";
    public static final String STEP = "PintuStep";
    public static final String TASK_KIND = "PintuTaskKind";
    public static final String OUTCOME = "PintuOutcome";
    public static final String NEXT_STEP = "PintuNextStep";
    public static final String AWAIT_APPLICANT = "PintuAwaitApplicant";
    public static final String END_STATUS = "PintuEndStatus";
    public static final String ACTOR = "PintuActor";
    public static final String ACTOR_QUEUE = "PintuActorQueue";
    public static final String TASK_ID = "PintuTaskId";
    public static final String RESUME_STEP = "PintuResumeStep";
    public static final String START_STEP = "PintuStartStep";

    private WorkflowHeaders() {}
}
