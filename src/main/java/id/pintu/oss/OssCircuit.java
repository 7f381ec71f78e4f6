package id.pintu.oss;

import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The state of the circuit breaker around the OSS calls (node {@code oss-circuit-breaker} of the route
 * {@code oss-call}), for the health component and the metrics. Each hub instance has its own breaker.
 */
@Component
public class OssCircuit {

    static final String NODE_ID = "oss-circuit-breaker";

    private final CamelContext camel;

    public OssCircuit(@Lazy CamelContext camel) {
        this.camel = camel;
    }

    /**
     * @param state CLOSED, OPEN, HALF_OPEN, FORCED_OPEN, ... (Resilience4j's names)
     * @param failureRate percentage of failed calls in the window, -1 while fewer than the minimum calls were made
     * @param notPermittedCalls attempts refused at once while the breaker was open
     */
    public record State(String state, float failureRate, int bufferedCalls, long notPermittedCalls) {

        /** Open: calls to OSS are refused without being made. */
        public boolean open() {
            return state.contains("OPEN") && !state.equals("HALF_OPEN");
        }
    }

    /** Empty before the route is started. */
    public Optional<State> state() {
        Processor p = camel.getProcessor(NODE_ID);
        if (p instanceof ResilienceProcessor r && r.getCircuitBreaker() != null) {
            return Optional.of(new State(r.getCircuitBreakerState(), r.getFailureRate(), r.getNumberOfBufferedCalls(),
                    r.getNumberOfNotPermittedCalls()));
        }
        return Optional.empty();
    }
}
