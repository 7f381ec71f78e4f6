package id.pintu.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.HubTest;
import id.pintu.workflow.WorkflowProperties;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A durable subscription of the events topic that this hub no longer reads is removed with the events it held; one
 * that a consumer still holds is left alone; a name that does not exist is no error.
 */
@HubTest
class RetiredSubscriptionsTest {

    @Autowired
    RetiredSubscriptions retired;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    WorkflowProperties workflow;

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Test
    void anUnreadDurableSubscriptionIsRemovedAndAHeldOneIsKept() throws Exception {
        try (Connection c = connections.createConnection();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            Topic events = s.createTopic(workflow.eventsTopic());
            s.createSharedDurableConsumer(events, "pintu-retired-probe").close();
            MessageConsumer held = s.createSharedDurableConsumer(events, "pintu-still-read-probe");
            s.createProducer(events).send(s.createTextMessage("{\"probe\":true}"));

            // The queue's counter is not always up to date the moment the send returns (seen once in a full run).
            await().atMost(Duration.ofSeconds(10)).until(() -> messageCount("pintu-retired-probe") == 1L);

            assertThat(retired.retire(List.of("pintu-retired-probe", "pintu-still-read-probe", "pintu-never-was")))
                    .isEqualTo(1);

            assertThat(queueExists("pintu-retired-probe")).isFalse();
            assertThat(queueExists("pintu-still-read-probe")).isTrue();
            held.close();
            assertThat(retired.retire(List.of("pintu-still-read-probe"))).isEqualTo(1);
            assertThat(queueExists("pintu-still-read-probe")).isFalse();
        }
    }

    private ObjectName queue(String name) throws Exception {
        return new ObjectName("org.apache.activemq.artemis:broker=\"pintu-broker\",component=addresses,address=\""
                + workflow.eventsTopic() + "\",subcomponent=queues,routing-type=\"multicast\",queue=\"" + name + "\"");
    }

    private boolean queueExists(String name) throws Exception {
        return jmx.isRegistered(queue(name));
    }

    private long messageCount(String name) throws Exception {
        return ((Number) jmx.getAttribute(queue(name), "MessageCount")).longValue();
    }
}
