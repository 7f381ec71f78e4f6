package id.pintu.workflow;

/**
 * An outbox event's route cannot finish <em>yet</em> because something another feature produces asynchronously is
 * not there (a mail's PDF attachment, the permit letter's agenda number). Not a fault: the relay routes the event
 * again with back-off and logs the wait at INFO, without a stack trace; only an event still waiting after
 * {@link OutboxRelay#PATIENT_ATTEMPTS} attempts is logged as a warning. Early tries when another feature reports
 * new output for the case ({@link OutboxRelay#retryWaiting}) are not attempts.
 */
public class NotReadyYetException extends RuntimeException {

    public NotReadyYetException(String message) {
        super(message);
    }

    /** True if {@code error} or one of its causes is a wait rather than a fault. */
    public static boolean isWait(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NotReadyYetException) {
                return true;
            }
        }
        return false;
    }
}
