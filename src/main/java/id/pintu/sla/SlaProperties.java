package id.pintu.sla;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the SLA feature: when tasks escalate, to which queues, and the fiktif-positif deadline.
 *
 * @param scanCron Quartz cron of the escalation scan (seconds first; the demo uses every 5 seconds)
 * @param nearShare share of a task's working time after which its actor gets a reminder (level 1)
 * @param scanHorizon the scan looks at open tasks due within this wall-clock time from now; it must be longer than
 *     the calendar span of the largest remaining share of any step ((1 - nearShare) x the longest mutu baku, plus
 *     the longest closure such as Lebaran), or a long step would get its reminder late
 * @param scanBatch tasks examined per scan, earliest due first
 * @param fireBatch escalation levels recorded per database transaction (one commit for many when many tasks are
 *     overdue at once, e.g. after the hub was down; a failing chunk is retried one level per transaction)
 * @param reminderQueuePrefix level 1: the reminder goes to this prefix plus the task's actor
 * @param escalationQueuePrefix level 2: the breach goes to this prefix plus the supervisor's actor
 * @param supervisionFile supervision chain and supervisors' contact emails
 * @param fiktifPositifDays working days from submission after which OSS may treat the permit as granted
 * @param clustered several hub instances share the database: Quartz keeps its schedule in the JDBC job store
 *     (tables from Flyway) and runs each scan on one instance
 * @param workingDay how long one working day of mutu baku counts in the evaluation report's minutes (the due dates
 *     themselves always come from the calendar)
 * @param zone time zone of report periods and of acting appointments' dates
 */
@Validated
@ConfigurationProperties("pintu.sla")
public record SlaProperties(
        @DefaultValue("0/30 * * * * ?") @NotBlank String scanCron,
        @DefaultValue("0.8") @DecimalMin("0.05") @DecimalMax("1.0") double nearShare,
        @DefaultValue("P30D") @NotNull Duration scanHorizon,
        @DefaultValue("500") @Min(1) int scanBatch,
        @DefaultValue("50") @Min(1) int fireBatch,
        @DefaultValue("pintu.reminder.") @NotBlank String reminderQueuePrefix,
        @DefaultValue("pintu.escalation.") @NotBlank String escalationQueuePrefix,
        @DefaultValue("config/supervision.yaml") @NotNull Path supervisionFile,
        @DefaultValue("10") @Min(1) int fiktifPositifDays,
        @DefaultValue("false") boolean clustered,
        @DefaultValue("PT7H") @NotNull Duration workingDay,
        @DefaultValue("Asia/Jakarta") @NotNull ZoneId zone) {

    public String reminderQueue(String actor) {
        return reminderQueuePrefix + actor;
    }

    public String escalationQueue(String supervisor) {
        return escalationQueuePrefix + supervisor;
    }

    /** The cron as a Camel endpoint option (spaces become '+'). */
    public String scanCronUriOption() {
        return scanCron.trim().replaceAll("\\s+", "+");
    }
}
