package id.pintu.ops;

import id.pintu.common.CaseLog;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.WorkflowHeaders;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Puts the case of the exchange in the logging context ({@link CaseLog}) while each processor of any route runs, so
 * that what the routes and the beans they call log about a case carries its tracking code and step. The case is
 * the header {@code PintuTrackingCode} (case events carry it) or is looked up once by {@code PintuApplicationId}
 * and remembered; the step is the header {@code PintuStep}. The context is restored when the processor returns,
 * so consumer threads never carry one case's code into the next message's lines. Camel picks this bean up as an
 * intercept strategy of the context.
 */
@Component
public class CaseLogInterceptor implements InterceptStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(CaseLogInterceptor.class);
    private static final int MAX_REMEMBERED = 10_000;
    /** After a failed look-up (database down), none for this long: logging must never hold up the routes. */
    private static final long PAUSE_MILLIS = 10_000;
    /** Exchange property: the case id already looked up in vain for this exchange. */
    private static final String LOOKED_UP = "PintuCaseLogMiss";

    private final Function<String, Optional<String>> trackingCodeOf;
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private volatile long pausedUntil;

    @Autowired
    public CaseLogInterceptor(ApplicationRepository applications) {
        this(applications::trackingCode);
    }

    CaseLogInterceptor(Function<String, Optional<String>> trackingCodeOf) {
        this.trackingCodeOf = trackingCodeOf;
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                try (CaseLog.Scope ignored = open(exchange)) {
                    return processor.process(exchange, callback);
                }
            }

            @Override
            public String toString() {
                return "CaseLog[" + processor + "]";
            }
        };
    }

    CaseLog.Scope open(Exchange exchange) {
        String code = trackingCode(exchange);
        return CaseLog.of(code, code == null ? null : exchange.getIn().getHeader(WorkflowHeaders.STEP));
    }

    private String trackingCode(Exchange exchange) {
        String code = exchange.getIn().getHeader(WorkflowHeaders.TRACKING_CODE, String.class);
        if (code != null) {
            return code;
        }
        String id = exchange.getIn().getHeader(WorkflowHeaders.APPLICATION_ID, String.class);
        if (id == null || id.length() < 8) {
            return null;
        }
        code = codes.get(id);
        if (code != null || id.equals(exchange.getProperty(LOOKED_UP)) || System.currentTimeMillis() < pausedUntil) {
            return code;
        }
        try {
            code = trackingCodeOf.apply(id).orElse(null);
        } catch (RuntimeException e) {
            pausedUntil = System.currentTimeMillis() + PAUSE_MILLIS;
            LOG.debug("Tracking code of {} not looked up for the log: {}", id, e.toString());
        }
        if (code == null) {
            exchange.setProperty(LOOKED_UP, id);
            return null;
        }
        if (codes.size() >= MAX_REMEMBERED) {
            codes.clear();
        }
        codes.put(id, code);
        return code;
    }
}
