package id.pintu.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything the calendar knows, as loaded from its files.
 *
 * @param holidays by date
 * @param holidayYears the years a holiday file was loaded for; a year outside this set has no holidays on record,
 *     which is worth a warning, not a guess
 */
public record CalendarData(OfficeHours hours, Map<LocalDate, Holiday> holidays, SortedSet<Integer> holidayYears) {

    public CalendarData {
        holidays = Map.copyOf(holidays);
        holidayYears = Collections.unmodifiableSortedSet(new TreeSet<>(holidayYears));
    }

    public static CalendarData of(OfficeHours hours, Map<LocalDate, Holiday> holidays, Set<Integer> holidayYears) {
        return new CalendarData(hours, holidays, new TreeSet<>(holidayYears));
    }
}
