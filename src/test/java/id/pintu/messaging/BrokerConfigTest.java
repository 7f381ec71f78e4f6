package id.pintu.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.api.config.ActiveMQDefaultConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker's configuration as the hub sets it: synced journal, delivery policy, the journal's buffer (set,
 * measured on the journal's disk, or Artemis's own).
 */
class BrokerConfigTest {

    @TempDir
    Path data;

    private static MessagingProperties properties(Duration journalBufferTimeout) {
        return properties(journalBufferTimeout, false);
    }

    private static MessagingProperties properties(Duration journalBufferTimeout, boolean autotune) {
        return new MessagingProperties("pintu.dead-letter", 7, Duration.ofMillis(500), Duration.ofSeconds(60), 3, 100,
                List.of(), journalBufferTimeout, autotune);
    }

    private Configuration customised(MessagingProperties properties) throws Exception {
        Configuration configuration = new ConfigurationImpl().setJournalDirectory(data.resolve("journal").toString());
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
    void withoutASettingTheBufferTimeoutIsOneSyncedWriteOfTheJournalsDisk() throws Exception {
        Configuration c = customised(properties(null, true));

        int nio = c.getJournalBufferTimeout_NIO();
        assertThat(nio).isPositive().isLessThanOrEqualTo(ActiveMQDefaultConfiguration.getDefaultJournalBufferTimeoutNio());
        assertThat(c.getJournalBufferTimeout_AIO()).isEqualTo(nio);
        // Measured in the journal's own directory, which the probe leaves as it found it (made, empty).
        assertThat(data.resolve("journal")).isEmptyDirectory();
    }

    @Test
    void aJournalDirectoryThatCannotBeWrittenKeepsArtemisOwnBufferTimeouts() throws Exception {
        Path notADirectory = Files.writeString(data.resolve("journal"), "a file where the directory should be");
        Configuration c = new ConfigurationImpl().setJournalDirectory(notADirectory.toString());

        new BrokerConfig().pintuAddressSettings(properties(null, true)).customize(c);

        assertThat(c.getJournalBufferTimeout_NIO())
                .isEqualTo(ActiveMQDefaultConfiguration.getDefaultJournalBufferTimeoutNio());
    }

    @Test
    void aBrokerWithoutPersistenceIsNotMeasured() throws Exception {
        Configuration c = new ConfigurationImpl().setPersistenceEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString());

        new BrokerConfig().pintuAddressSettings(properties(null, true)).customize(c);

        assertThat(c.getJournalBufferTimeout_NIO())
                .isEqualTo(ActiveMQDefaultConfiguration.getDefaultJournalBufferTimeoutNio());
        assertThat(data.resolve("journal")).doesNotExist();
    }

    @Test
    void withAutotuneOffAndNoSettingTheJournalKeepsArtemisOwnBufferTimeouts() throws Exception {
        Configuration c = customised(properties(null, false));

        assertThat(c.getJournalBufferTimeout_NIO())
                .isEqualTo(ActiveMQDefaultConfiguration.getDefaultJournalBufferTimeoutNio());
        assertThat(c.getJournalBufferTimeout_AIO())
                .isEqualTo(ActiveMQDefaultConfiguration.getDefaultJournalBufferTimeoutAio());
        assertThat(c.getJournalBufferTimeout_NIO()).isNotEqualTo(500_000);
    }

    @Test
    void aConfiguredBufferTimeoutAppliesToEitherJournalTypeWithoutMeasuring() throws Exception {
        Configuration c = customised(properties(Duration.ofNanos(500_000), true));

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
