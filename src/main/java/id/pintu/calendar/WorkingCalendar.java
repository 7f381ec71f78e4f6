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
}
