package id.pintu.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param subscription the durable shared subscription name on the case events topic
 * @param batchSize at most this many case events appended in one database transaction (and acknowledged in one JMS
 *     transaction): whatever waits on the subscription when the audit takes its next batch
 */
@Validated
@ConfigurationProperties("pintu.audit")
public record AuditProperties(
        @DefaultValue("pintu-audit") @NotBlank String subscription,
        @DefaultValue("100") @Min(1) int batchSize) {}
