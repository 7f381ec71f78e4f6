package id.pintu.oss;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.workflow.CaseEventHeaders;
import id.pintu.workflow.WorkflowEndpoints;
import org.apache.camel.Exchange;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.stereotype.Component;

/**
 * The OSS bridge as routes:
 * <ul>
 *   <li>{@code oss-handover-<integration>}: a completed OSS step (4, 22, 23; 14 on the reject branch) puts its request on the durable queue;
 *       quick, so that the outbox relay can let go of the completion;</li>
 *   <li>{@code oss-call}: takes a request off the queue in a JMS transaction, calls OSS unless its idempotency
 *       record says OSS already answered, and only then enters the next step;</li>
 *   <li>{@code oss-http}: one POST to OSS;</li>
 *   <li>{@code oss-failed} and {@code oss-failure-events}: a call that could not be made becomes a staff task and
 *       an event on the failure topic.</li>
 * </ul>
 */
@Component
class OssRoutes extends RouteBuilder {

    private final OssProperties properties;
    private final ObjectMapper json;

    OssRoutes(OssProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void configure() {
        String queue = "jms:queue:" + properties.requestQueue();

        for (String integration : properties.calls().keySet()) {
            from(WorkflowEndpoints.integrationEndpoint(integration))
                    .routeId("oss-handover-" + integration)
                    // Routed by the outbox relay, which retries with back-off (the permit may wait for its number).
                    .errorHandler(noErrorHandler())
                    .setHeader(OssHeaders.INTEGRATION, constant(integration))
                    .bean("ossBridge", "handOver").id("oss-request-" + integration)
                    .marshal(new JacksonDataFormat(json, OssRequest.class)).id("write-oss-request-" + integration)
                    .to(queue + "?deliveryPersistent=true").id("to-oss-queue-" + integration);
        }

        OssProperties.CircuitBreaker cb = properties.circuitBreaker();
        from(queue + "?transacted=true&concurrentConsumers=" + properties.consumers())
                .routeId("oss-call")
                .routeConfigurationId(OssErrorHandling.ID)
                .unmarshal(new JacksonDataFormat(json, OssRequest.class)).id("read-oss-request")
                .setProperty(OssHeaders.REQUEST, body()).id("keep-oss-request")
                // A repeat of a request OSS already answered (redelivery, second routing, staff retry) skips the call.
                .filter(PredicateBuilder.not(method("ossBridge", "alreadyDone"))).id("oss-not-yet-answered")
                    .circuitBreaker().id("oss-circuit-breaker")
                        .resilience4jConfiguration()
                            .failureRateThreshold(cb.failureRate())
                            .slidingWindowSize(cb.window())
                            .minimumNumberOfCalls(cb.minimumCalls())
                            .waitDurationInOpenState((int) Math.max(1, cb.openFor().toSeconds()))
                            // While open, fail the attempt (the error handler retries it later); never skip it.
                            .throwExceptionWhenHalfOpenOrOpenState(true)
                        .end()
                        .bean("ossBridge", "call").id("call-oss")
                    .end()
                .end()
                .bean("ossBridge", "confirm").id("confirm-oss-answer")
                .bean("ossBridge", "continueHeaders").id("oss-continue-headers")
                .to(WorkflowEndpoints.ENTER_STEP).id("oss-to-next-step");

        from(OssClient.HTTP_ROUTE)
                .routeId("oss-http")
                // The caller (OssClient) sorts the failure; the call route's error handling decides about retries.
                .errorHandler(noErrorHandler())
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .toD("${exchangeProperty." + OssHeaders.URL + "}?httpClient=#ossHttpClient&throwExceptionOnFailure=false")
                    .id("post-to-oss")
                .convertBodyTo(String.class).id("read-oss-answer");

        from(OssErrorHandling.FAILED)
                .routeId("oss-failed")
                .bean("ossBridge", "failed").id("record-oss-failure");

        from(WorkflowEndpoints.OUTBOX_PREFIX + "oss-failure")
                .routeId("oss-failure-events")
                .errorHandler(noErrorHandler())
                .setHeader(CaseEventHeaders.EVENT_TYPE, constant(OssFailureEvent.KIND))
                .to("jms:topic:" + properties.failureTopic() + "?deliveryPersistent=true").id("to-oss-failure-topic");
    }
}
