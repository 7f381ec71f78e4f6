package id.pintu.ops;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The disk under {@code pintu.data-dir} (the H2 file, the embedded broker's journal, the scan folder), watched by
 * {@link DataDisk}.
 *
 * @param checkInterval how often the route {@code disk-check} looks and logs a change of state
 * @param warnAt used share of the disk (percent) from which the hub warns (log, health details)
 * @param minFree below this much free space the health component {@code dataDisk} is DOWN: the database and the
 *     journal can no longer grow safely
 */
@Validated
@ConfigurationProperties("pintu.ops.disk")
public record DataDiskProperties(
        @NotNull @DefaultValue("1m") Duration checkInterval,
        @DefaultValue("80") @Min(1) @Max(100) int warnAt,
        @NotNull @DefaultValue("1GB") DataSize minFree) {}
