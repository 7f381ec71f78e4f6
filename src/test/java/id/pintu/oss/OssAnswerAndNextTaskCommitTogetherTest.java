package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.Api;
import id.pintu.support.BrokerTransactions;
import id.pintu.support.BrokerTransactions.Seen;
import id.pintu.support.HubTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The OSS caller takes a request off its queue and, once OSS answered, puts the next step's task on the next actor's
 * queue. Both must be one broker transaction: were the request acknowledged in one commit and the task sent in
 * another, a hub that dies between the two would leave the case answered by OSS but with no next task and no request
 * to redeliver. Watched at the broker itself (a plugin of the embedded Artemis sees which transaction each
 * acknowledgement and each send belongs to).
 */
@HubTest
@Import(BrokerTransactions.Registration.class)
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
}
