package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Where a re-drive sends a dead letter back: the queue behind the endpoint URI its consumer recorded, as the broker
 * names it, so that only that consumer gets it again.
 */
class DeadLetterOriginTest {

    @Test
    void aQueueIsItself() {
        assertThat(DeadLetters.queueOf("jms://queue:pintu.actor.kadis")).isEqualTo("pintu.actor.kadis");
        assertThat(DeadLetters.queueOf("jms:queue:pintu.mail.outbound?concurrentConsumers=2"))
                .isEqualTo("pintu.mail.outbound");
    }

    @Test
    void aDurableSubscriptionIsItsOwnQueueOnTheTopic() {
        assertThat(DeadLetters.queueOf("jms://topic:pintu.events?durableSubscriptionName=pintu-audit"))
                .isEqualTo("pintu.events::pintu-audit");
        assertThat(DeadLetters.queueOf("jms:topic:pintu.events?subscriptionShared=true&subscriptionDurable=true"
                + "&subscriptionName=pintu-mail")).isEqualTo("pintu.events::pintu-mail");
    }

    @Test
    void aSharedSubscriptionThatIsNotDurableIsTheBrokersNonDurableQueue() {
        assertThat(DeadLetters.queueOf("jms://topic:pintu.events?subscriptionShared=true&subscriptionName=pintu-metrics"))
                .isEqualTo("pintu.events::nonDurable.pintu-metrics");
        // The broker escapes a dot in a subscription's name, as its JMS client does when it subscribes.
        assertThat(DeadLetters.queueOf("jms:topic:pintu.events?subscriptionName=log.kantor&subscriptionShared=true"))
                .isEqualTo("pintu.events::nonDurable.log\\.kantor");
    }

    @Test
    void aTopicConsumerOfItsOwnHasNoQueueToGoBackTo() {
        assertThat(DeadLetters.queueOf("jms://topic:pintu.events")).isNull();
        assertThat(DeadLetters.queueOf("jms:topic:pintu.events?subscriptionName=s")).isNull();
    }

    @Test
    void whatTheBrokerGaveUpOnGoesBackToItsQueueOnItsAddress() {
        assertThat(DeadLetters.originalQueue("pintu.actor.kadis", "pintu.actor.kadis", null))
                .isEqualTo("pintu.actor.kadis");
        // A durable subscription's queue: the broker records its bare name and the topic
        assertThat(DeadLetters.originalQueue("pintu-documents", "pintu.events", null))
                .isEqualTo("pintu.events::pintu-documents");
        assertThat(DeadLetters.originalQueue(null, null,
                "jms://topic:pintu.events?durableSubscriptionName=pintu-audit")).isEqualTo("pintu.events::pintu-audit");
    }
}
