package id.pintu.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The head of office's weekly report by email ({@link WeeklyReport}).
 *
 * @param enabled send it (route {@code report-weekly})
 * @param cron when, as a Quartz cron expression in the office's time zone ({@code pintu.sla.zone}); the report is
 *     of the last whole week (Monday to Sunday) before that moment
 * @param recipients the actors it goes to, at their contact addresses in the supervision file
 * @param catchUpDelay how long after start-up the hub first looks whether this week's report was missed (route
 *     {@code report-weekly-catch-up}: the hub or its database was down at that moment), and sends it if so
 * @param catchUpEvery how often it looks again
 */
@Validated
@ConfigurationProperties("pintu.reports.weekly")
public record WeeklyReportProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 0 7 ? * MON") @NotBlank String cron,
        @DefaultValue("kadis") @NotEmpty List<@NotBlank String> recipients,
        @DefaultValue("1m") @NotNull Duration catchUpDelay,
        @DefaultValue("1h") @NotNull Duration catchUpEvery) {

    public WeeklyReportProperties {
        if (cron != null && !cron.isBlank() && !CronExpression.isValidExpression(cron.trim())) {
            throw new IllegalArgumentException("pintu.reports.weekly.cron '" + cron + "' is not a Quartz cron"
                    + " expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0 7 ? * MON')");
        }
    }

    public String cronUriOption() {
        return cron.trim().replaceAll("\\s+", "+");
    }
}
