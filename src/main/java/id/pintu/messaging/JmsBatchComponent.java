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
 * shared subscription read in batches by {@code consumers} threads (default 1, which keeps publish order);
 * {@code jms-batch:queue:<queue>[?...]}: a queue read the same way. With {@code joinTransaction=true} the route's
 * {@code jms} producers send in the batch's JMS transaction: what it publishes and the acknowledgement of the batch
 * commit together (its sends must be safe to repeat: a failed batch is handled again message by message). The route
 * receives one exchange whose body is the {@code List<String>} of up to {@code maxBatch} (default
 * {@code pintu.messaging.event-batch-size}) message texts, taken in one JMS transaction and acknowledged together
 * once the route has finished (see {@link JmsBatchConsumer} for what happens when it fails). Camel 4.17's JMS
 * consumers take one message per transaction; a feature that turns every message into one database commit (the audit
 * trail) pays a commit and a broker journal sync per message that a batch shares.
 */
@Component(JmsBatchComponent.SCHEME)
public class JmsBatchComponent extends DefaultComponent {

    public static final String SCHEME = "jms-batch";

    /**
     * Messages per batch, per subscription or queue (tag {@code subscription}; Prometheus:
     * {@code pintu_messaging_batch_messages}).
     */
    public static final String BATCH_METRIC = "pintu.messaging.batch";

    private final ConnectionFactory connections;
    /** The factory the {@code jms} component's producers use: a batch's session is bound to the thread under it. */
    private final ConnectionFactory producerConnections;
    private final MessagingProperties properties;
    private final MeterRegistry meters;

    public JmsBatchComponent(ConnectionFactory connections, MessagingProperties properties, MeterRegistry meters) {
        this.producerConnections = connections;
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
        boolean queue = remaining.startsWith("queue:");
        if (!queue && !remaining.startsWith("topic:")) {
            throw new IllegalArgumentException(uri
                    + ": topic:<name> (a durable shared subscription) or queue:<name> is required");
        }
        String destination = remaining.substring(remaining.indexOf(':') + 1);
        String subscription = getAndRemoveParameter(parameters, "subscription", String.class);
        if (!queue && (subscription == null || subscription.isBlank())) {
            throw new IllegalArgumentException(uri + ": subscription=<durable subscription name> is required");
        }
        if (queue && subscription != null) {
            throw new IllegalArgumentException(uri + ": a queue has no subscription");
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
        boolean joinTransaction = getAndRemoveParameter(parameters, "joinTransaction", Boolean.class, false);
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException(uri + ": unknown options " + parameters.keySet()
                    + " (known: subscription, maxBatch, consumers, selector, joinTransaction)");
        }
        DistributionSummary batches = DistributionSummary.builder(BATCH_METRIC)
                .description("Messages handed to the route in one batch (one JMS transaction)")
                .baseUnit("messages")
                .tag("subscription", queue ? destination : subscription)
                .register(meters);
        return new JmsBatchEndpoint(uri, this, queue, destination, subscription, maxBatch, consumers, selector,
                connections, joinTransaction ? producerConnections : null, properties, batches);
    }
}
