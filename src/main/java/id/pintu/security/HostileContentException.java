package id.pintu.security;

/** Content refused as unsafe to keep or parse (an archive, a decompression bomb, an unparseable PDF). */
public class HostileContentException extends RuntimeException {

    public HostileContentException(String message) {
        super(message);
    }

    public HostileContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
