package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The OSS caller takes a request off its queue and, once OSS answered, puts the next step's task on the next actor's
 * queue. Both must be one broker transaction: were the request acknowledged in one commit and the task sent in
 * another, a hub that dies between the two would leave the case answered by OSS but with no next task and no request
 * to redeliver. Watched at the broker itself (a plugin of the embedded Artemis sees which transaction each
 * acknowledgement and each send belongs to).
 */
@HubTest
class OssAnswerAndNextTaskCommitTogetherTest {

    @Autowired
    Api api;

    @Autowired
    BrokerTransactions broker;

    @Test
    void requestAcknowledgedInTheTransactionThatSendsTheNextTask() {
        OssSteps steps = new OssSteps(api);
        steps.resetSandbox();
        String id = steps.throughStep4(641);
        api.awaitTask(id, 5);

        await().atMost(Duration.ofSeconds(10)).until(() -> broker.ack("pintu.oss.requests", id) != null);
        Seen ack = broker.ack("pintu.oss.requests", id);
        Seen send = broker.sends.stream()
                .filter(s -> s.address().startsWith("pintu.actor.") && id.equals(s.applicationId()))
                .filter(s -> s.sessionName().equals(ack.sessionName()))
                .findFirst().orElse(null);
        assertThat(send)
                .as("the step-5 task sent on the session that acknowledged the OSS request (%s); sends of the case: %s",
                        ack, broker.sends.stream().filter(s -> id.equals(s.applicationId()) && !s.address().equals("pintu.events")).toList())
                .isNotNull();
        assertThat(send.txId()).as("send and acknowledgement in one transaction").isEqualTo(ack.txId());
    }

    record Seen(String address, String applicationId, String sessionName, long txId) {}

    /** Records, for every send and acknowledgement, the session and transaction it happened in. */
    static class BrokerTransactions implements ActiveMQServerMessagePlugin {

        final List<Seen> sends = new CopyOnWriteArrayList<>();
        final List<Seen> acks = new CopyOnWriteArrayList<>();

        @Override
        public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                boolean noAutoCreateQueue) {
            sends.add(new Seen(String.valueOf(message.getAddress()), applicationId(message), session.getName(),
                    tx == null ? -1 : tx.getID()));
        }

        @Override
        public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason,
                ServerConsumer consumer) {
            if (consumer == null || reason != AckReason.NORMAL) {
                return;
            }
            Message m = ref.getMessage();
            acks.add(new Seen(String.valueOf(m.getAddress()), applicationId(m), consumer.getSessionID(),
                    tx == null ? -1 : tx.getID()));
        }

        Seen ack(String address, String applicationId) {
            return acks.stream().filter(a -> a.address().equals(address) && applicationId.equals(a.applicationId()))
                    .findFirst().orElse(null);
        }

        private static String applicationId(Message m) {
            Object id = m.getObjectProperty("PintuApplicationId");
            return id == null ? null : id.toString();
        }
    }

    @TestConfiguration
    static class Plugin {

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
