package id.pintu.messaging;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Broker-side delivery policy for Pintu's queues.
 *
 * @param deadLetterQueue where a message goes after its last failed attempt
 * @param maxDeliveryAttempts attempts before dead-lettering
 * @param redeliveryDelay first delay before a redelivery (doubles each time)
 * @param maxRedeliveryDelay cap of that delay
 * @param localRetries in-process retries of a failing message before the hub dead-letters it with its reason
 * @param eventBatchSize at most this many case events handed to a feature in one batch (one JMS transaction; for the
 *     audit trail also one database transaction): whatever waits on its subscription when the feature takes the
 *     next batch, so one event at rest and many under load
 * @param retiredSubscriptions durable subscriptions that earlier versions of the hub held and this one does not read
 *     (removed at start-up when no consumer holds them, see RetiredSubscriptions)
 * @param journalBufferTimeout embedded broker only: how long the journal gathers synced writes before one flush
 *     and sync takes them all. Unset: measured at start-up when {@code journalBufferAutotune} is on (the time of
 *     one synced 4 KB write on the journal's disk, as {@code artemis create} tunes a standalone broker, at most
 *     Artemis's own default), else Artemis's own (3.33 ms for the NIO journal, 0.5 ms for the AIO journal, which
 *     needs libaio). Shorter: each send and transaction waits less, but a busy hub syncs more often
 * @param journalBufferAutotune embedded broker only, when {@code journalBufferTimeout} is unset: measure the disk at
 *     start-up (about 20 ms on a disk that syncs in 0.25 ms, at most about a second on a slow one)
 */
@Validated
@ConfigurationProperties("pintu.messaging")
public record MessagingProperties(
        @DefaultValue("pintu.dead-letter") @NotBlank String deadLetterQueue,
        @DefaultValue("10") @Min(1) int maxDeliveryAttempts,
        @DefaultValue("500ms") Duration redeliveryDelay,
        @DefaultValue("60s") Duration maxRedeliveryDelay,
        @DefaultValue("3") @Min(0) int localRetries,
        @DefaultValue("100") @Min(1) int eventBatchSize,
        @DefaultValue({"pintu-metrics", "pintu-event-log"}) List<@NotBlank String> retiredSubscriptions,
        Duration journalBufferTimeout,
        @DefaultValue("true") boolean journalBufferAutotune) {

    public MessagingProperties {
        if (journalBufferTimeout != null
                && (journalBufferTimeout.isNegative() || journalBufferTimeout.compareTo(Duration.ofSeconds(1)) > 0)) {
            throw new IllegalArgumentException("pintu.messaging.journal-buffer-timeout must be between 0 and 1s, not "
                    + journalBufferTimeout);
        }
    }
}
