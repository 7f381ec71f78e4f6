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
 * @param incompleteYears those of {@code holidayYears} whose file says {@code complete: false}: some of their holidays
 *     are not yet known (the year's SKB 3 Menteri not yet entered)
 */
public record CalendarData(OfficeHours hours, Map<LocalDate, Holiday> holidays, SortedSet<Integer> holidayYears,
        SortedSet<Integer> incompleteYears) {

    public CalendarData {
        holidays = Map.copyOf(holidays);
        holidayYears = Collections.unmodifiableSortedSet(new TreeSet<>(holidayYears));
        incompleteYears = Collections.unmodifiableSortedSet(new TreeSet<>(incompleteYears));
    }

    public static CalendarData of(OfficeHours hours, Map<LocalDate, Holiday> holidays, Set<Integer> holidayYears) {
        return of(hours, holidays, holidayYears, Set.of());
    }

    public static CalendarData of(OfficeHours hours, Map<LocalDate, Holiday> holidays, Set<Integer> holidayYears,
            Set<Integer> incompleteYears) {
        return new CalendarData(hours, holidays, new TreeSet<>(holidayYears), new TreeSet<>(incompleteYears));
    }
}
