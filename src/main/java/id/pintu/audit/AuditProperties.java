package id.pintu.audit;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param subscription the durable shared subscription name on the case events topic (read in batches of up to
 *     {@code pintu.messaging.event-batch-size} events)
 */
@Validated
@ConfigurationProperties("pintu.audit")
public record AuditProperties(@DefaultValue("pintu-audit") @NotBlank String subscription) {}
