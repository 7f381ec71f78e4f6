package id.pintu.mail;

/** Camel header names of the mail routes, in one place. */
public final class MailHeaders {

    public static final String DEDUP_KEY = "PintuMailDedupKey";
    /** Set by the Camel mail producer to the Message-ID of the mail it sent. */
    public static final String SENT_MESSAGE_ID = "CamelMailMessageId";

    private MailHeaders() {}
}
