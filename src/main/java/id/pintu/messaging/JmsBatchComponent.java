package id.pintu.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * {@code jms-batch:topic:<topic>?subscription=<name>[&maxBatch=N][&consumers=N][&selector=...]}: a durable
 * shared subscription read in batches by {@code consumers} threads (default 1, which keeps publish order). The route
 * receives one exchange whose body is the {@code List<String>} of up to {@code maxBatch} (default
 * {@code pintu.messaging.event-batch-size}) message texts, taken in one JMS transaction and acknowledged together
 * once the route has finished (see {@link JmsBatchConsumer} for what happens when it fails). Camel 4.17's JMS
 * consumers take one message per transaction; a feature that turns every message into one database commit (the audit
 * trail) pays a commit and a broker journal sync per message that a batch shares.
 */
@Component(JmsBatchComponent.SCHEME)
public class JmsBatchComponent extends DefaultComponent {

    public static final String SCHEME = "jms-batch";

    /** Messages per batch, per subscription (Prometheus: {@code pintu_messaging_batch_messages}). */
    public static final String BATCH_METRIC = "pintu.messaging.batch";

    private final ConnectionFactory connections;
    private final MessagingProperties properties;
    private final MeterRegistry meters;

    public JmsBatchComponent(ConnectionFactory connections, MessagingProperties properties, MeterRegistry meters) {
        // A consumer of its own for the lifetime of the route: the broker's connection, not a cached session.
        this.connections = connections instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory() : connections;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * The messages of an exchange as a list to split: a batch's list as it is, any other body (one message from a
     * {@code jms} consumer, where an office configured one) as a list of one.
     */
    public static List<?> messagesOf(Object body) {
        return body instanceof List<?> batch ? batch : List.of(body);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!remaining.startsWith("topic:")) {
            throw new IllegalArgumentException(uri
                    + ": only topic:<name> is supported (a durable shared subscription)");
        }
        String subscription = getAndRemoveParameter(parameters, "subscription", String.class);
        if (subscription == null || subscription.isBlank()) {
            throw new IllegalArgumentException(uri + ": subscription=<durable subscription name> is required");
        }
        int maxBatch = getAndRemoveParameter(parameters, "maxBatch", Integer.class, properties.eventBatchSize());
        if (maxBatch < 1) {
            throw new IllegalArgumentException(uri + ": maxBatch must be at least 1");
        }
        int consumers = getAndRemoveParameter(parameters, "consumers", Integer.class, 1);
        if (consumers < 1) {
            throw new IllegalArgumentException(uri + ": consumers must be at least 1");
        }
        String selector = getAndRemoveParameter(parameters, "selector", String.class);
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException(uri + ": unknown options " + parameters.keySet()
                    + " (known: subscription, maxBatch, consumers, selector)");
        }
        DistributionSummary batches = DistributionSummary.builder(BATCH_METRIC)
                .description("Messages handed to the route in one batch (one JMS transaction)")
                .baseUnit("messages")
                .tag("subscription", subscription)
                .register(meters);
        return new JmsBatchEndpoint(uri, this, remaining.substring("topic:".length()), subscription, maxBatch,
                consumers, selector, connections, properties, batches);
    }
}
