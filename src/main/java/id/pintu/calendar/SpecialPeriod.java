package id.pintu.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * A date range with its own hours, such as Ramadan. Weekdays it does not list keep the regular hours, so a
 * period only has to say what changes.
 */
public record SpecialPeriod(String name, LocalDate from, LocalDate to, Map<DayOfWeek, DaySchedule> week) {

    public SpecialPeriod {
        week = Map.copyOf(week);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period " + name + " ends before it starts");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
