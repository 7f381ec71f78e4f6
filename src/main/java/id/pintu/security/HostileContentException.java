package id.pintu.security;

/** Content refused as unsafe to keep or parse, with the kind of problem so callers can word it for their reader. */
public class HostileContentException extends RuntimeException {

    /** What is wrong with the content. */
    public enum Kind { ARCHIVE, UNREADABLE, ENCRYPTED, TOO_MANY_PAGES, DECOMPRESSION_BOMB }

    private final Kind kind;

    public HostileContentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HostileContentException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
