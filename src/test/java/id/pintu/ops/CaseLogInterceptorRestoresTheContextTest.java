package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.common.CaseLog;
import id.pintu.workflow.WorkflowHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * While a route's processors run, the logging context names the exchange's case (looked up once by id) and step;
 * when the exchange is done the thread's context is as it was, so a pooled thread never carries a case into the
 * next exchange's lines, and a failed look-up (database down) only leaves the case out.
 */
class CaseLogInterceptorRestoresTheContextTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final List<String> seen = new ArrayList<>();
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        Map<String, String> codes = Map.of("case-0001", "PTU-26-AAAAAAA", "case-0002", "PTU-26-BBBBBBB");
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().addInterceptStrategy(new CaseLogInterceptor(id -> {
            lookups.incrementAndGet();
            if (id.equals("case-down")) {
                throw new IllegalStateException("database down");
            }
            return Optional.ofNullable(codes.get(id));
        }));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").process(e -> seen.add(MDC.get(CaseLog.CASE) + "/" + MDC.get(CaseLog.STEP)))
                        .to("direct:b");
                from("direct:b").process(e -> seen.add(MDC.get(CaseLog.CASE) + "/" + MDC.get(CaseLog.STEP)));
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        MDC.clear();
    }

    @Test
    void theCaseIsInTheContextWhileRoutedAndGoneAfterwards() {
        producer.sendBodyAndHeaders("direct:a", "x", Map.of(WorkflowHeaders.APPLICATION_ID, "case-0001",
                WorkflowHeaders.STEP, 8));
        producer.sendBodyAndHeaders("direct:a", "x", Map.of(WorkflowHeaders.APPLICATION_ID, "case-0002"));
        producer.sendBodyAndHeaders("direct:a", "x", Map.of(WorkflowHeaders.TRACKING_CODE, "PTU-26-CCCCCCC",
                WorkflowHeaders.STEP, 3));
        producer.sendBody("direct:a", "no case");

        assertThat(seen).containsExactly("PTU-26-AAAAAAA/8", "PTU-26-AAAAAAA/8", "PTU-26-BBBBBBB/null",
                "PTU-26-BBBBBBB/null", "PTU-26-CCCCCCC/3", "PTU-26-CCCCCCC/3", "null/null", "null/null");
        assertThat(MDC.get(CaseLog.CASE)).isNull();
        assertThat(MDC.get(CaseLog.STEP)).isNull();
        assertThat(lookups).as("one look-up per case, then remembered").hasValue(2);
    }

    @Test
    void aCallerOwnCaseIsRestoredAfterTheRoute() {
        try (CaseLog.Scope ignored = CaseLog.of("PTU-26-DDDDDDD", 2)) {
            producer.sendBodyAndHeaders("direct:a", "x", Map.of(WorkflowHeaders.APPLICATION_ID, "case-0001",
                    WorkflowHeaders.STEP, 8));
            assertThat(MDC.get(CaseLog.CASE)).isEqualTo("PTU-26-DDDDDDD");
            assertThat(MDC.get(CaseLog.STEP)).isEqualTo("2");
        }
        assertThat(MDC.get(CaseLog.CASE)).isNull();
    }

    @Test
    void aFailedLookUpLeavesTheCaseOutAndIsNotRetriedAtOnce() {
        producer.sendBodyAndHeaders("direct:a", "x", Map.of(WorkflowHeaders.APPLICATION_ID, "case-down"));
        producer.sendBodyAndHeaders("direct:a", "x", Map.of(WorkflowHeaders.APPLICATION_ID, "case-down"));

        assertThat(seen).containsOnly("null/null");
        assertThat(lookups).as("paused after the failure").hasValue(1);
    }
}
