package id.pintu.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.api.config.ActiveMQDefaultConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;

/** The embedded broker's configuration as the hub sets it: synced journal, delivery policy, the journal's buffer. */
class BrokerConfigTest {

    private static MessagingProperties properties(Duration journalBufferTimeout) {
        return new MessagingProperties("pintu.dead-letter", 7, Duration.ofMillis(500), Duration.ofSeconds(60), 3, 100,
                List.of(), journalBufferTimeout);
    }

    private static Configuration customised(MessagingProperties properties) throws Exception {
        Configuration configuration = new ConfigurationImpl();
        new BrokerConfig().pintuAddressSettings(properties).customize(configuration);
        return configuration;
    }

    @Test
    void theJournalIsSyncedAndPintuQueuesDeadLetterAfterTheirAttempts() throws Exception {
        Configuration c = customised(properties(null));

        assertThat(c.isJournalSyncTransactional()).isTrue();
        assertThat(c.isJournalSyncNonTransactional()).isTrue();
        AddressSettings pintu = c.getAddressSettings().get("pintu.#");
        assertThat(pintu.getMaxDeliveryAttempts()).isEqualTo(7);
        assertThat(pintu.getDeadLetterAddress().toString()).isEqualTo("pintu.dead-letter");
    }

    @Test
    void withoutASettingTheJournalKeepsArtemisOwnBufferTimeouts() throws Exception {
        Configuration c = customised(properties(null));

        assertThat(c.getJournalBufferTimeout_NIO())
                .isEqualTo(ActiveMQDefaultConfiguration.getDefaultJournalBufferTimeoutNio());
        assertThat(c.getJournalBufferTimeout_AIO())
                .isEqualTo(ActiveMQDefaultConfiguration.getDefaultJournalBufferTimeoutAio());
        assertThat(c.getJournalBufferTimeout_NIO()).isNotEqualTo(500_000);
    }

    @Test
    void aConfiguredBufferTimeoutAppliesToEitherJournalType() throws Exception {
        Configuration c = customised(properties(Duration.ofNanos(500_000)));

        assertThat(c.getJournalBufferTimeout_NIO()).isEqualTo(500_000);
        assertThat(c.getJournalBufferTimeout_AIO()).isEqualTo(500_000);
    }

    @Test
    void aNegativeOrHugeBufferTimeoutIsRefusedByName() {
        assertThatThrownBy(() -> properties(Duration.ofMillis(-1)))
                .hasMessageContaining("pintu.messaging.journal-buffer-timeout");
        assertThatThrownBy(() -> properties(Duration.ofMinutes(1)))
                .hasMessageContaining("pintu.messaging.journal-buffer-timeout");
    }
}
