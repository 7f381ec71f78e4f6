package id.pintu.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.DefaultEndpoint;

/**
 * One durable shared subscription, or one queue, read in batches; consume only (publish with the {@code jms}
 * component).
 */
class JmsBatchEndpoint extends DefaultEndpoint {

    final boolean queue;
    /** The topic or the queue. */
    final String destination;
    /** Null for a queue. */
    final String subscription;
    final int maxBatch;
    final int consumers;
    final String selector;
    final ConnectionFactory connections;
    /** Where the batch's session is bound for the route's producers to join ({@code joinTransaction}); or null. */
    final ConnectionFactory joinedProducers;
    final MessagingProperties properties;
    final DistributionSummary batches;

    JmsBatchEndpoint(String uri, JmsBatchComponent component, boolean queue, String destination, String subscription,
            int maxBatch, int consumers, String selector, ConnectionFactory connections,
            ConnectionFactory joinedProducers, MessagingProperties properties, DistributionSummary batches) {
        super(uri, component);
        this.queue = queue;
        this.destination = destination;
        this.joinedProducers = joinedProducers;
        this.subscription = subscription;
        this.maxBatch = maxBatch;
        this.consumers = consumers;
        this.selector = selector;
        this.connections = connections;
        this.properties = properties;
        this.batches = batches;
    }

    /**
     * The same queue or subscription as a {@code jms} consumer's URI names it, so the dead-letter queue's re-drive
     * finds its queue ({@code <topic>::<subscription>} for a subscription, see ops.DeadLetters).
     */
    String jmsUri() {
        return queue ? "jms://queue:" + destination
                : "jms://topic:" + destination + "?durableSubscriptionName=" + subscription;
    }

    /** The name in the consumer threads' names and the log: the subscription, or the queue. */
    String source() {
        return queue ? destination : subscription;
    }

    /** Refused, as Camel's consume-only endpoints (timer, scheduler) refuse it: events are published with jms. */
    @Override
    public Producer createProducer() {
        throw new RuntimeCamelException("Cannot send to " + getEndpointUri() + ": jms-batch reads a "
                + (queue ? "queue" : "subscription") + "; send with jms:" + (queue ? "queue:" : "topic:")
                + destination);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        JmsBatchConsumer consumer = new JmsBatchConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }
}
