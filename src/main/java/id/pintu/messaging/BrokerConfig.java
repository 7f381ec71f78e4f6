package id.pintu.messaging;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Address settings of the embedded broker (a standalone broker gets the same in its broker.xml, see docker/):
 * every Pintu queue redelivers with growing delay, and after the attempts are spent the message goes to the
 * dead-letter queue, where IT can see it with its reason.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfig {

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
            if (properties.journalBufferTimeout() != null) {
                int nanos = Math.toIntExact(properties.journalBufferTimeout().toNanos());
                configuration.setJournalBufferTimeout_NIO(nanos);
                configuration.setJournalBufferTimeout_AIO(nanos);
            }
        };
    }
}
