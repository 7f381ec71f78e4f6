package id.pintu.oss;

/** OSS answered with an error {@code kode} (for example 400): retrying the same request will not help. */
public class OssRejectedException extends RuntimeException {

    private final int kode;

    public OssRejectedException(int kode, String message) {
        super(message);
        this.kode = kode;
    }

    public int kode() {
        return kode;
    }
}
