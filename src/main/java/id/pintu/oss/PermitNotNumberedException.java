package id.pintu.oss;

/**
 * The final permit cannot go to OSS yet: its letter has no agenda number (the documents feature numbers it right
 * after the numbering step, asynchronously). The hand-over fails and the outbox routes it again with back-off.
 */
public class PermitNotNumberedException extends RuntimeException {

    public PermitNotNumberedException(String message) {
        super(message);
    }
}
