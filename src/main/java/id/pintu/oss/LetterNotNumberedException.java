package id.pintu.oss;

import id.pintu.documents.DocumentOutputs;
import id.pintu.workflow.NotReadyYetException;

/**
 * A call cannot go to OSS yet: the letter it reports (the permit, or the rejection letter) has no agenda number, as
 * the documents feature numbers it right after the numbering step, asynchronously. The hand-over fails and the
 * outbox routes it again when the documents feature reports the numbered letter, and with back-off as a safety net
 * (not at each of the case's other documents).
 */
public class LetterNotNumberedException extends NotReadyYetException {

    /** @param kind the letter's document kind: the hand-over is released when the documents feature has numbered it */
    public LetterNotNumberedException(String message, String kind) {
        super(message, DocumentOutputs.finalDocument(kind));
    }
}
