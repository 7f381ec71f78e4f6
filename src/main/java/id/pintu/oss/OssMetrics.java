package id.pintu.oss;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The OSS bridge's Prometheus figures:
 * <ul>
 *   <li>{@code pintu.oss.calls{method, outcome}}: every HTTP request the hub made to OSS, counted when its answer
 *       (or its failure) is known, so a retried call counts once per attempt that reached the network;
 *       outcomes {@code ok}, {@code not-found}, {@code duplicate}, {@code key-refused}, {@code refused},
 *       {@code unavailable} (5xx), {@code timeout}, {@code unreachable};</li>
 *   <li>{@code pintu.oss.failures{method, reason}}: calls that became a staff task (table {@code oss_failure}),
 *       counted after that record was committed: {@code refused} (OSS said no) or {@code retries-spent};</li>
 *   <li>{@code pintu.oss.circuit.open}: 1 while this instance's circuit breaker is open, else 0.</li>
 * </ul>
 */
@Component
public class OssMetrics {

    private final MeterRegistry registry;

    public OssMetrics(MeterRegistry registry, OssCircuit circuit) {
        this.registry = registry;
        Gauge.builder("pintu.oss.circuit.open", () -> circuit.state().map(s -> s.open() ? 1 : 0).orElse(0))
                .description("1 while the circuit breaker around the OSS calls is open")
                .register(registry);
    }

    void call(String method, String outcome) {
        Counter.builder("pintu.oss.calls")
                .description("HTTP requests to OSS, by method and outcome (each attempt once)")
                .tags("method", method, "outcome", outcome)
                .register(registry)
                .increment();
    }

    void failure(String method, boolean refused) {
        Counter.builder("pintu.oss.failures")
                .description("OSS calls that became a staff task (refused, or retries spent)")
                .tags("method", method, "reason", refused ? "refused" : "retries-spent")
                .register(registry)
                .increment();
    }

    /** The outcome label of an answer OSS gave. */
    static String outcome(int http, int kode) {
        if (http == 0 || http >= 500 || kode >= 500) {
            return "unavailable";
        }
        if (http / 100 == 2 && kode == 200) {
            return "ok";
        }
        if (http == 401 || http == 403 || kode == 401 || kode == 403) {
            return "key-refused";
        }
        return switch (kode) {
            case 404 -> "not-found";
            case 409 -> "duplicate";
            default -> "refused";
        };
    }
}
