package id.pintu.intake;

/** A scan the intake refuses; its message (Bahasa Indonesia, for the clerk) is written beside it in the error folder. */
public class ScanRejectedException extends RuntimeException {

    public ScanRejectedException(String message) {
        super(message);
    }
}
