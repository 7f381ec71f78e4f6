package id.pintu.common;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code ttl}: the first caller after expiry reads it, callers meanwhile wait for that
 * read instead of starting their own. Used by health checks, so that frequent health reads (load balancers,
 * Prometheus, Docker) cost the probed server one connection per period. Timed on the JVM's monotonic clock, not the
 * hub's business clock (which tests move).
 */
public final class Cached<T> {

    private final long ttlNanos;
    private final Supplier<T> source;
    private T value;
    private long readAt;
    private boolean present;

    public Cached(Duration ttl, Supplier<T> source) {
        this.ttlNanos = ttl.toNanos();
        this.source = source;
    }

    public synchronized T get() {
        if (!present || System.nanoTime() - readAt >= ttlNanos) {
            value = source.get();
            readAt = System.nanoTime();
            present = true;
        }
        return value;
    }
}
