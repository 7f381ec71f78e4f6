package id.pintu.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.DefaultEndpoint;

/** One durable shared subscription read in batches; consume only (publish with the {@code jms} component). */
class JmsBatchEndpoint extends DefaultEndpoint {

    final String topic;
    final String subscription;
    final int maxBatch;
    final int consumers;
    final String selector;
    final ConnectionFactory connections;
    final MessagingProperties properties;
    final DistributionSummary batches;

    JmsBatchEndpoint(String uri, JmsBatchComponent component, String topic, String subscription, int maxBatch,
            int consumers, String selector, ConnectionFactory connections, MessagingProperties properties,
            DistributionSummary batches) {
        super(uri, component);
        this.topic = topic;
        this.subscription = subscription;
        this.maxBatch = maxBatch;
        this.consumers = consumers;
        this.selector = selector;
        this.connections = connections;
        this.properties = properties;
        this.batches = batches;
    }

    /**
     * The same subscription as a {@code jms} consumer's URI names it, so the dead-letter queue's re-drive finds its
     * queue ({@code <topic>::<subscription>}, see ops.DeadLetters).
     */
    String jmsUri() {
        return "jms://topic:" + topic + "?durableSubscriptionName=" + subscription;
    }

    /** Refused, as Camel's consume-only endpoints (timer, scheduler) refuse it: events are published with jms. */
    @Override
    public Producer createProducer() {
        throw new RuntimeCamelException("Cannot send to " + getEndpointUri()
                + ": jms-batch reads a subscription; publish with jms:topic:" + topic);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        JmsBatchConsumer consumer = new JmsBatchConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }
}
