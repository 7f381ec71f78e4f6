package id.pintu.calendar;

import id.pintu.sop.MutuBaku;
import java.time.Duration;
import java.time.Instant;

/** Working time on the office's calendar: the clock that every mutu baku is measured against. */
public interface WorkingCalendar {

    /** When a step entered at {@code entered} with limit {@code limit} is due. */
    Instant dueAt(Instant entered, MutuBaku limit);

    /** Working time between two instants (zero if {@code to} is not after {@code from}). */
    Duration workingTimeBetween(Instant from, Instant to);

    /**
     * Working time from {@code now} until {@code due}; negative when the step is overdue, by the working time
     * that has passed since {@code due}. A signed value lets one number drive both "due soon" and "how late".
     * Working time does not move while the office is closed, so just after a deadline that fell at closing time
     * this is zero, not negative: decide "overdue" with {@code now.isAfter(due)} and use this for the amount.
     */
    default Duration workingTimeLeft(Instant now, Instant due) {
        return now.isAfter(due) ? workingTimeBetween(due, now).negated() : workingTimeBetween(now, due);
    }

    /** Whether the office is at work at {@code moment} (not in a break, a night, a weekend or a holiday). */
    boolean isWorkingMoment(Instant moment);

    /** {@code moment} itself if it is a working moment, otherwise the start of the next working period. */
    Instant nextWorkingMoment(Instant moment);
}
