package id.pintu.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a closed case's documents are kept, per document kind (ISO periods such as {@code P5Y}). Counted from
 * the day the case closed; documents of open cases are never purged. A kind that is not listed is kept.
 *
 * @param kinds retention per document kind, e.g. {@code ktp: P5Y}
 * @param purgeCron when the scheduled purge runs (Quartz cron, office time zone of the JVM)
 * @param scheduled whether the scheduled purge runs at all (the admin endpoint always works)
 */
@Validated
@ConfigurationProperties("pintu.retention")
public record RetentionProperties(
        @NotNull @DefaultValue Map<String, Period> kinds,
        @NotBlank @DefaultValue("0 30 1 * * ?") String purgeCron,
        @DefaultValue("true") boolean scheduled) {}
