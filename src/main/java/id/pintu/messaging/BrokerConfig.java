package id.pintu.messaging;

import java.io.IOException;
import java.time.Duration;
import org.apache.activemq.artemis.api.config.ActiveMQDefaultConfiguration;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Address settings of the embedded broker (a standalone broker gets the same in its broker.xml, see docker/):
 * every Pintu queue redelivers with growing delay, and after the attempts are spent the message goes to the
 * dead-letter queue, where IT can see it with its reason. The journal syncs every persistent send and transaction;
 * how long it gathers writes for one sync is set from the disk it runs on (see {@link JournalSyncProbe}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class BrokerConfig {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConfig.class);
    /** Writes timed by the start-up probe, and the most time it may take on a slow disk. */
    static final int PROBE_WRITES = 64;
    static final Duration PROBE_BUDGET = Duration.ofSeconds(1);

    @Bean
    ArtemisConfigurationCustomizer pintuAddressSettings(MessagingProperties properties) {
        return configuration -> {
            AddressSettings settings = new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(properties.deadLetterQueue()))
                    .setMaxDeliveryAttempts(properties.maxDeliveryAttempts())
                    .setRedeliveryDelay(properties.redeliveryDelay().toMillis())
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(properties.maxRedeliveryDelay().toMillis())
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true)
                    .setAutoCreateDeadLetterResources(false);
            configuration.addAddressSetting("pintu.#", settings);
            configuration.setJMXManagementEnabled(true);
            // The broker's JMX name (org.apache.activemq.artemis:broker="pintu-broker",...) as Hawtio shows it.
            configuration.setName("pintu-broker");
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);
            Duration timeout = properties.journalBufferTimeout();
            if (timeout == null && properties.journalBufferAutotune() && configuration.isPersistenceEnabled()) {
                timeout = tuned(configuration);
            }
            if (timeout != null) {
                int nanos = Math.toIntExact(timeout.toNanos());
                configuration.setJournalBufferTimeout_NIO(nanos);
                configuration.setJournalBufferTimeout_AIO(nanos);
            }
        };
    }

    /**
     * The journal's buffer timeout for the disk under its directory: one synced write's time, never longer than
     * Artemis's own default; none (Artemis's default stays) if the disk cannot be measured.
     */
    static Duration tuned(Configuration configuration) {
        Duration ceiling = Duration.ofNanos(ActiveMQDefaultConfiguration.getDefaultJournalBufferTimeoutNio());
        try {
            Duration sync = JournalSyncProbe.measure(configuration.getJournalLocation().toPath(), PROBE_WRITES,
                    PROBE_BUDGET);
            Duration timeout = sync.compareTo(ceiling) > 0 ? ceiling : sync;
            LOG.info("Journal in {}: one synced 4 KB write takes {} µs, so the journal gathers writes for {} µs before"
                    + " each sync (pintu.messaging.journal-buffer-timeout sets it instead)",
                    configuration.getJournalLocation(), sync.toNanos() / 1000, timeout.toNanos() / 1000);
            return timeout;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not time a synced write in {} ({}); the journal keeps Artemis's buffer timeout of {} µs",
                    configuration.getJournalLocation(), e.toString(), ceiling.toNanos() / 1000);
            return null;
        }
    }
}
