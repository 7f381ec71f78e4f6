package id.pintu.oss;

import id.pintu.workflow.NotReadyYetException;

/**
 * A call cannot go to OSS yet: the letter it reports (the permit, or the rejection letter) has no agenda number, as
 * the documents feature numbers it right after the numbering step, asynchronously. The hand-over fails and the
 * outbox routes it again with back-off.
 */
public class LetterNotNumberedException extends NotReadyYetException {

    public LetterNotNumberedException(String message) {
        super(message);
    }
}
