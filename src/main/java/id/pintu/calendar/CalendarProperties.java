package id.pintu.calendar;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the office keeps its calendar. The defaults live here rather than in application.yml so that the
 * calendar works without any property set.
 *
 * @param directory holds the hours file and one {@code holidays-YYYY.yaml} per year; every such file is read at
 *     start-up, and again whenever one changes (see {@code checkInterval}), so next year's list is added by dropping a
 *     file in, without a rebuild or a restart
 * @param hoursFile weekday hours, breaks and special periods; relative paths are taken inside {@code directory}
 *     ({@code always-open.yaml} gives a 24/7 calendar for demos)
 * @param checkInterval how often the hub looks whether the files changed; a change is put in force at once and the
 *     open tasks' due dates follow it. Zero: only {@code POST /api/admin/calendar/reload} reloads them
 * @param nextYearNotice how long before next year begins the dashboard and {@code GET /api/admin/calendar} say that its
 *     holiday file is missing or marked {@code complete: false} (the SKB 3 Menteri for a year is usually signed in
 *     September or October); this year's are said all year
 */
@Validated
@ConfigurationProperties("pintu.calendar")
public record CalendarProperties(
        @NotNull @DefaultValue("config/calendar") Path directory,
        @NotNull @DefaultValue("office-hours.yaml") Path hoursFile,
        @NotNull @DefaultValue("PT1M") Duration checkInterval,
        @NotNull @DefaultValue("92d") Duration nextYearNotice) {

    public Path resolvedHoursFile() {
        return directory.resolve(hoursFile);
    }
}
