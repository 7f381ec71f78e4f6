package id.pintu.mail;

import id.pintu.workflow.NotReadyYetException;

/** A mail's attachment is not in the document store yet: the delivery fails and the outbox retries it later. */
public class MissingAttachmentException extends NotReadyYetException {

    public MissingAttachmentException(String message, String waitsFor) {
        super(message, waitsFor);
    }
}
