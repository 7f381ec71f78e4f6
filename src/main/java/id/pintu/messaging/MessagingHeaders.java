package id.pintu.messaging;

/** Headers the hub puts on dead letters (valid JMS property names). */
public final class MessagingHeaders {

    public static final String DEAD_LETTER_REASON = "PintuDeadLetterReason";
    public static final String DEAD_LETTER_ROUTE = "PintuDeadLetterRoute";
    public static final String ORIGINAL_DESTINATION = "PintuOriginalDestination";
    /** Set by Artemis itself when it dead-letters after its own delivery attempts. */
    public static final String ARTEMIS_ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    /** The address of that queue (a topic's, for a subscription's queue). */
    public static final String ARTEMIS_ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

    private MessagingHeaders() {}
}
