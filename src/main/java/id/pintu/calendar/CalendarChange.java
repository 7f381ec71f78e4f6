package id.pintu.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/**
 * What a reload of the calendar's files changed.
 *
 * @param added holidays in force now that were not before (a new year's file, a day the SKB added), by date
 * @param removed holidays no longer in force (a day dropped or moved), by date
 * @param renamed holidays on the same date with another name or type, as they are now
 * @param hoursChanged whether the office hours (weekdays, breaks, special periods, zone) changed
 * @param years the years with a holiday file now
 * @param incompleteYears those of them whose file says {@code complete: false}
 */
public record CalendarChange(List<Holiday> added, List<Holiday> removed, List<Holiday> renamed, boolean hoursChanged,
        SortedSet<Integer> years, SortedSet<Integer> incompleteYears) {

    public CalendarChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        renamed = List.copyOf(renamed);
    }

    static CalendarChange between(CalendarData before, CalendarData after) {
        List<Holiday> added = new ArrayList<>();
        List<Holiday> removed = new ArrayList<>();
        List<Holiday> renamed = new ArrayList<>();
        after.holidays().forEach((date, h) -> {
            Holiday old = before.holidays().get(date);
            if (old == null) {
                added.add(h);
            } else if (!old.equals(h)) {
                renamed.add(h);
            }
        });
        before.holidays().forEach((date, h) -> {
            if (!after.holidays().containsKey(date)) {
                removed.add(h);
            }
        });
        Comparator<Holiday> byDate = Comparator.comparing(Holiday::date);
        added.sort(byDate);
        removed.sort(byDate);
        renamed.sort(byDate);
        return new CalendarChange(added, removed, renamed, !Objects.equals(before.hours(), after.hours()),
                after.holidayYears(), after.incompleteYears());
    }

    /** Whether nothing the calendar computes with changed (e.g. only a comment in a file). */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && renamed.isEmpty() && !hoursChanged;
    }

    /** Whether due dates can differ: a closed day more or less, or other hours (a rename moves nothing). */
    public boolean movesDueDates() {
        return !added.isEmpty() || !removed.isEmpty() || hoursChanged;
    }

    /** One line for the log and the audit trail. */
    public String summary() {
        return added.size() + " holidays added " + dates(added) + ", " + removed.size() + " removed " + dates(removed)
                + ", " + renamed.size() + " renamed, office hours " + (hoursChanged ? "changed" : "unchanged")
                + ", holiday files for " + years + (incompleteYears.isEmpty() ? ""
                        : " (not yet complete: " + incompleteYears + ")");
    }

    private static String dates(List<Holiday> holidays) {
        return holidays.stream().map(h -> h.date().toString()).toList().toString();
    }
}
