package id.pintu.ops;

import id.pintu.messaging.MessageBodies;
import id.pintu.messaging.MessagingHeaders;
import id.pintu.messaging.MessagingProperties;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.activemq.artemis.utils.DestinationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queue as work for IT: list what is there with its reason, and re-drive a message to the queue it
 * came from once the cause is fixed. Moving a message is one JMS transaction (receive + send), so it is never lost
 * or doubled by a re-drive.
 */
@Component
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_LISTED = 500;

    public record DeadLetter(String messageId, String originalQueue, String reason, String route, Instant deadAt,
            String body) {}

    private final JmsTemplate jms;
    private final MessagingProperties properties;

    public DeadLetters(JmsTemplate jms, MessagingProperties properties) {
        this.jms = new JmsTemplate(jms.getConnectionFactory());
        this.jms.setSessionTransacted(true);
        this.jms.setReceiveTimeout(2000);
        this.properties = properties;
    }

    public List<DeadLetter> list() {
        List<DeadLetter> result = jms.browse(properties.deadLetterQueue(), (session, browser) -> {
            List<DeadLetter> out = new ArrayList<>();
            Enumeration<?> e = browser.getEnumeration();
            while (e.hasMoreElements() && out.size() < MAX_LISTED) {
                out.add(describe((Message) e.nextElement()));
            }
            return out;
        });
        return result == null ? List.of() : Collections.unmodifiableList(result);
    }

    /** Sends the message back to its original queue; empty if no such dead letter. */
    public Optional<String> redrive(String messageId) {
        String selector = "JMSMessageID = '" + messageId.replace("'", "''") + "'";
        String target = jms.execute(session -> {
            Queue dlq = session.createQueue(properties.deadLetterQueue());
            try (var consumer = session.createConsumer(dlq, selector)) {
                Message m = consumer.receive(2000);
                if (m == null) {
                    return null;
                }
                String original = originalQueue(m);
                if (original == null) {
                    session.rollback();
                    throw new IllegalStateException("dead letter " + messageId + " does not say where it came from");
                }
                // A task or OSS request is a bytes message: re-driven as text, its body was lost.
                Message copy = MessageBodies.copy(session, m);
                for (Enumeration<?> names = m.getPropertyNames(); names.hasMoreElements(); ) {
                    String name = (String) names.nextElement();
                    if (!name.startsWith("Pintu" + "DeadLetter") && !name.startsWith("_AMQ") && !name.startsWith("JMSX")) {
                        copy.setObjectProperty(name, m.getObjectProperty(name));
                    }
                }
                // A subscription's queue (topic::subscription) is a multicast queue: the broker takes a message for it
                // only through a topic destination with that fully qualified name.
                Destination to = original.contains("::")
                        ? session.createTopic(original)
                        : session.createQueue(original);
                try (var producer = session.createProducer(to)) {
                    producer.send(copy);
                }
                session.commit();
                return original;
            }
        }, true);
        if (target != null) {
            LOG.info("Dead letter {} re-driven to {}", messageId, target);
        }
        return Optional.ofNullable(target);
    }

    private static DeadLetter describe(Message m) throws JMSException {
        String body = m instanceof TextMessage || m instanceof BytesMessage
                ? MessageBodies.text(m)
                : m.getClass().getSimpleName();
        if (body != null && body.length() > 2000) {
            body = body.substring(0, 2000) + "…";
        }
        String reason = m.getStringProperty(MessagingHeaders.DEAD_LETTER_REASON);
        if (reason == null && m.getStringProperty(MessagingHeaders.ARTEMIS_ORIGINAL_QUEUE) != null) {
            reason = "the broker gave up after its delivery attempts (redelivered " + m.getIntProperty("JMSXDeliveryCount")
                    + " times)";
        }
        return new DeadLetter(m.getJMSMessageID(), originalQueue(m), reason,
                m.getStringProperty(MessagingHeaders.DEAD_LETTER_ROUTE), Instant.ofEpochMilli(m.getJMSTimestamp()), body);
    }

    private static String originalQueue(Message m) throws JMSException {
        return originalQueue(m.getStringProperty(MessagingHeaders.ARTEMIS_ORIGINAL_QUEUE),
                m.getStringProperty(MessagingHeaders.ARTEMIS_ORIGINAL_ADDRESS),
                m.getStringProperty(MessagingHeaders.ORIGINAL_DESTINATION));
    }

    /**
     * Where a dead letter came from: a queue the broker gave up on after its own delivery attempts (it records the
     * queue's bare name and its address; a subscription's queue on a topic is {@code topic::queue}, the bare name
     * would be a queue of its own), else the queue behind the endpoint URI the hub's consumer recorded.
     */
    static String originalQueue(String artemisQueue, String artemisAddress, String endpointUri) {
        if (artemisQueue != null) {
            return artemisAddress == null || artemisAddress.equals(artemisQueue) || artemisQueue.contains("::")
                    ? artemisQueue
                    : artemisAddress + "::" + artemisQueue;
        }
        return endpointUri == null ? null : queueOf(endpointUri);
    }

    /**
     * The queue behind a consumer's endpoint URI: {@code jms://queue:X?...} is X; a durable subscription
     * {@code jms://topic:T?...durableSubscriptionName=S} (or {@code subscriptionName=S&subscriptionDurable=true}) is
     * the subscription's own queue {@code T::S} (a fully qualified queue name), a shared subscription that is not
     * durable ({@code subscriptionShared=true&subscriptionName=S}) the broker's {@code T::nonDurable.S}, so a re-drive
     * reaches that subscriber only, not every subscriber of the topic. A topic consumer of neither kind has a queue
     * of its own for as long as it runs: null.
     */
    static String queueOf(String endpointUri) {
        String path = endpointUri.replaceFirst("^jms:(//)?", "");
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        path = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (!path.startsWith("topic:")) {
            return path.replaceFirst("^queue:", "");
        }
        String topic = path.substring("topic:".length());
        Map<String, String> options = new HashMap<>();
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                options.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        if (options.containsKey("durableSubscriptionName")) {
            return sharedSubscriptionQueue(topic, true, options.get("durableSubscriptionName"));
        }
        String name = options.get("subscriptionName");
        if (name == null) {
            return null;
        }
        if ("true".equals(options.get("subscriptionDurable"))) {
            return sharedSubscriptionQueue(topic, true, name);
        }
        return "true".equals(options.get("subscriptionShared")) ? sharedSubscriptionQueue(topic, false, name) : null;
    }

    /** The fully qualified name of a shared subscription's queue, as the broker's JMS client names it. */
    private static String sharedSubscriptionQueue(String topic, boolean durable, String subscription) {
        return topic + "::" + DestinationUtil.createQueueNameForSubscription(durable, null, subscription);
    }
}
