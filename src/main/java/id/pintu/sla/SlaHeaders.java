package id.pintu.sla;

/** Headers of the escalation messages (valid JMS property names). */
public final class SlaHeaders {

    public static final String LEVEL = "PintuSlaLevel";
    public static final String QUEUE = "PintuSlaQueue";
    public static final String TASK_ID = "PintuTaskId";
    public static final String ACTOR = "PintuActor";
    public static final String NOTIFIED_ACTOR = "PintuSlaNotifiedActor";
    /** Artemis drops a second message with the same value: a repeated outbox delivery reaches the queue once. */
    public static final String BROKER_DUPLICATE_ID = "_AMQ_DUPL_ID";

    private SlaHeaders() {}
}
