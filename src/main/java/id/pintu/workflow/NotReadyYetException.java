package id.pintu.workflow;

/**
 * An outbox event's route cannot finish <em>yet</em> because something another feature produces asynchronously is
 * not there (a mail's PDF attachment, the permit letter's agenda number). Not a fault: the relay routes the event
 * again with back-off and logs the wait at INFO, without a stack trace; only an event still waiting after
 * {@link OutboxRelay#PATIENT_ATTEMPTS} attempts is logged as a warning. Early tries when another feature reports
 * new output for the case ({@link OutboxRelay#retryWaiting}) are not attempts.
 */
public class NotReadyYetException extends RuntimeException {

    private final String waitsFor;

    public NotReadyYetException(String message) {
        this(message, null);
    }

    /**
     * @param waitsFor the output the event waits for, as the producing feature names it when it reports new output
     *     ({@link OutboxRelay#retryWaiting}), e.g. {@code document:surat-izin}; null: any new output of the case
     */
    public NotReadyYetException(String message, String waitsFor) {
        super(message);
        this.waitsFor = waitsFor;
    }

    /** True if {@code error} or one of its causes is a wait rather than a fault. */
    public static boolean isWait(Throwable error) {
        return firstWait(error) != null;
    }

    /** What the first wait among {@code error} and its causes waits for; null for any output, or no wait. */
    public static String waitsFor(Throwable error) {
        NotReadyYetException wait = firstWait(error);
        return wait == null ? null : wait.waitsFor;
    }

    private static NotReadyYetException firstWait(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NotReadyYetException wait) {
                return wait;
            }
        }
        return null;
    }
}
