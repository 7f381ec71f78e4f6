package id.pintu.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A plugin of the embedded Artemis that records, for every send and every acknowledgement, the session and the
 * transaction it happened in: what a test needs to see that two broker operations commit together. A test adds it
 * with {@code @Import(BrokerTransactions.Registration.class)} and autowires it.
 */
public class BrokerTransactions implements ActiveMQServerMessagePlugin {

    /** One send or acknowledgement: the message's address and Pintu headers, its session and transaction (-1: none). */
    public record Seen(String address, String applicationId, Object step, String eventType, String sessionName,
            long txId) {}

    public final List<Seen> sends = new CopyOnWriteArrayList<>();
    private volatile ActiveMQServer server;
    public final List<Seen> acks = new CopyOnWriteArrayList<>();

    @Override
    public void registered(ActiveMQServer server) {
        this.server = server;
    }

    /** The broker the plugin is registered with. */
    public ActiveMQServer server() {
        return server;
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
            boolean noAutoCreateQueue) {
        sends.add(seen(message, session.getName(), tx));
    }

    @Override
    public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason, ServerConsumer consumer) {
        if (consumer != null && reason == AckReason.NORMAL) {
            acks.add(seen(ref.getMessage(), consumer.getSessionID(), tx));
        }
    }

    /** The first acknowledgement of a message of the case from {@code address}, or null. */
    public Seen ack(String address, String applicationId) {
        return acks.stream().filter(a -> a.address().equals(address) && applicationId.equals(a.applicationId()))
                .findFirst().orElse(null);
    }

    private static Seen seen(Message m, String session, Transaction tx) {
        return new Seen(String.valueOf(m.getAddress()), string(m.getObjectProperty("PintuApplicationId")),
                m.getObjectProperty("PintuStep"), string(m.getObjectProperty("PintuEventType")), session,
                tx == null ? -1 : tx.getID());
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** Registers the plugin with the embedded broker and makes it a bean. */
    @TestConfiguration
    public static class Registration {

        @Bean
        BrokerTransactions brokerTransactions() {
            return new BrokerTransactions();
        }

        @Bean
        ArtemisConfigurationCustomizer registerBrokerTransactions(BrokerTransactions plugin) {
            return configuration -> configuration.registerBrokerPlugin(plugin);
        }
    }
}
