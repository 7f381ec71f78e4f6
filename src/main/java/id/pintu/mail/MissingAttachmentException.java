package id.pintu.mail;

/** A mail's attachment is not in the document store yet: the delivery fails and the outbox retries it later. */
public class MissingAttachmentException extends RuntimeException {

    public MissingAttachmentException(String message) {
        super(message);
    }
}
