package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.limit;
import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A clock position that is not working time on the target day moves back to the last working period's end. */
class CalendarDayLimitClampTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void fridayAfterMondaysClosingClampsToMondaysClosing() {
        assertThat(calendar.dueAt(wib("2026-12-04T16:15"), limit("P1D"))).isEqualTo(wib("2026-12-07T16:00"));
    }

    @Test
    void thursdayMorningLandingInFridaysLongerBreakClampsToTheBreaksStart() {
        assertThat(calendar.dueAt(wib("2026-12-03T11:45"), limit("P1D"))).isEqualTo(wib("2026-12-04T11:30"));
    }
}
