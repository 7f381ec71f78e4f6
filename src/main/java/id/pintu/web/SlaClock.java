package id.pintu.web;

import id.pintu.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Decides a task's colour from the office calendar: green while more than {@code amberShare} of the step's working
 * time is left, amber below that, red once the deadline has passed, and escalated when the SLA feature has
 * escalated it.
 */
@Component
public class SlaClock {

    private final WorkingCalendar calendar;
    private final Clock clock;
    private final WebProperties properties;

    public SlaClock(WorkingCalendar calendar, Clock clock, WebProperties properties) {
        this.calendar = calendar;
        this.clock = clock;
        this.properties = properties;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Signed working time left until {@code due}: negative by how late the task is. Past the due date while no working
     * time has passed since (the night, the weekend, a break after it), the working time is zero, and the pages said
     * "Terlambat · sisa 0 j 0 m": late all the same, so a nanosecond below zero ("terlambat 0 j 0 m").
     */
    public Duration left(Instant due) {
        Instant now = clock.instant();
        Duration left = calendar.workingTimeLeft(now, due);
        return now.isAfter(due) && !left.isNegative() ? Duration.ofNanos(-1) : left;
    }

    public SlaState state(Instant entered, Instant due, int escalationLevel) {
        if (escalationLevel > 0) {
            return SlaState.ESCALATED;
        }
        Instant now = clock.instant();
        if (now.isAfter(due)) {
            return SlaState.OVERDUE;
        }
        Duration allowed = calendar.workingTimeBetween(entered, due);
        Duration left = calendar.workingTimeBetween(now, due);
        if (allowed.isZero() || left.toSeconds() < allowed.toSeconds() * properties.amberShare()) {
            return SlaState.DUE_SOON;
        }
        return SlaState.ON_TIME;
    }

    /** Working time a finished (or still open) step has taken. */
    public Duration taken(Instant entered, Instant completed) {
        return calendar.workingTimeBetween(entered, completed == null ? clock.instant() : completed);
    }
}
