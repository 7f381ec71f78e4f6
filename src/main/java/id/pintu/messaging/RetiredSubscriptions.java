package id.pintu.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes the durable subscriptions that an earlier version of the hub held and this one no longer reads
 * ({@code pintu.messaging.retired-subscriptions}). A durable subscription nobody reads any more would keep every
 * case event in the broker's journal for ever. One that a consumer still holds (an older hub still running during
 * an upgrade) is left, and removed at a later start.
 */
@Component
class RetiredSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(RetiredSubscriptions.class);

    private final ConnectionFactory connections;
    private final MessagingProperties properties;

    RetiredSubscriptions(ConnectionFactory connections, MessagingProperties properties) {
        this.connections = connections;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        retire(properties.retiredSubscriptions());
    }

    /** Removes each named durable subscription that exists and has no consumer; returns how many were removed. */
    int retire(List<String> names) {
        int removed = 0;
        for (String name : names) {
            try (Connection c = connections.createConnection();
                    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                s.unsubscribe(name);
                removed++;
                LOG.info("Removed the retired durable subscription {} and the events it held", name);
            } catch (InvalidDestinationException e) {
                LOG.debug("Retired durable subscription {} does not exist", name);
            } catch (JMSException e) {
                LOG.warn("Retired durable subscription {} not removed now ({}); the next start tries again", name,
                        e.getMessage());
            }
        }
        return removed;
    }
}
