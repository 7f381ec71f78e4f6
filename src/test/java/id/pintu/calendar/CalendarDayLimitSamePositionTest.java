package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.limit;
import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "N Hari" ends at the same wall-clock position N working days later. */
class CalendarDayLimitSamePositionTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void mondayTenOClockPlusOneDayIsTuesdayTenOClock() {
        assertThat(calendar.dueAt(wib("2026-11-30T10:00"), limit("P1D"))).isEqualTo(wib("2026-12-01T10:00"));
    }

    @Test
    void fridayTwoPmPlusOneDayIsMondayTwoPm() {
        assertThat(calendar.dueAt(wib("2026-12-04T14:00"), limit("P1D"))).isEqualTo(wib("2026-12-07T14:00"));
    }

    @Test
    void twoDaysSkipTheWeekend() {
        assertThat(calendar.dueAt(wib("2026-12-03T09:15"), limit("P2D"))).isEqualTo(wib("2026-12-07T09:15"));
    }
}
