package id.pintu.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The working periods of one weekday: opening to closing minus the breaks, in order and without overlap (the
 * loader guarantees that). Keeping the periods rather than open/close/breaks makes the arithmetic one loop.
 */
public record DaySchedule(List<TimeRange> periods) {

    public DaySchedule {
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a working day needs at least one working period");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).startMinute() < periods.get(i - 1).endMinute()) {
                throw new IllegalArgumentException("working periods overlap or are out of order: " + periods);
            }
        }
    }

    /** Opening to closing with the given breaks cut out; breaks must lie inside and not overlap. */
    public static DaySchedule of(TimeRange hours, List<TimeRange> breaks) {
        List<TimeRange> sorted = breaks.stream()
                .sorted(Comparator.comparingInt(TimeRange::startMinute))
                .toList();
        List<TimeRange> periods = new ArrayList<>();
        int start = hours.startMinute();
        for (TimeRange b : sorted) {
            if (b.startMinute() < start || b.endMinute() > hours.endMinute()) {
                throw new IllegalArgumentException("break " + b + " is not inside " + hours + " or overlaps another");
            }
            if (b.startMinute() > start) {
                periods.add(new TimeRange(start, b.startMinute()));
            }
            start = b.endMinute();
        }
        if (start < hours.endMinute()) {
            periods.add(new TimeRange(start, hours.endMinute()));
        }
        return new DaySchedule(periods);
    }

    public int workingMinutes() {
        return periods.stream().mapToInt(TimeRange::minutes).sum();
    }
}
