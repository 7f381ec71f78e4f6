package id.pintu.oss;

/** OSS did not answer usefully (timeout, connection refused, 5xx, circuit open): worth retrying later. */
public class OssUnavailableException extends RuntimeException {

    private final boolean answerMayBeLost;

    public OssUnavailableException(String message, boolean answerMayBeLost, Throwable cause) {
        super(message, cause);
        this.answerMayBeLost = answerMayBeLost;
    }

    /** True for a timeout: OSS may have stored the request, so the next attempt reconciles first. */
    public boolean answerMayBeLost() {
        return answerMayBeLost;
    }
}
