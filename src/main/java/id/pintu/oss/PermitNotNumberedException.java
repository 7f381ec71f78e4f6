package id.pintu.oss;

import id.pintu.workflow.NotReadyYetException;

/**
 * The final permit cannot go to OSS yet: its letter has no agenda number (the documents feature numbers it right
 * after the numbering step, asynchronously). The hand-over fails and the outbox routes it again with back-off.
 */
public class PermitNotNumberedException extends NotReadyYetException {

    public PermitNotNumberedException(String message) {
        super(message);
    }
}
