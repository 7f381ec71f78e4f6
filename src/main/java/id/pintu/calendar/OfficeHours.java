package id.pintu.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When the office works: regular hours per weekday (a weekday not listed is closed), special periods that override
 * some weekdays for a date range, and whether holidays close the office at all (a demo calendar ignores them).
 */
public record OfficeHours(
        ZoneId zone, boolean ignoreHolidays, Map<DayOfWeek, DaySchedule> week, List<SpecialPeriod> specialPeriods) {

    public OfficeHours {
        week = Map.copyOf(week);
        specialPeriods = List.copyOf(specialPeriods);
    }

    /** The hours that apply on {@code date} by weekday and special period alone, holidays not considered. */
    public Optional<DaySchedule> scheduleFor(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        for (SpecialPeriod p : specialPeriods) {
            if (p.contains(date) && p.week().containsKey(day)) {
                return Optional.of(p.week().get(day));
            }
        }
        return Optional.ofNullable(week.get(day));
    }
}
