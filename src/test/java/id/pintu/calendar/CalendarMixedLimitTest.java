package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.limit;
import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A limit with days and time adds the days first, then the working time. */
class CalendarMixedLimitTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void oneDayAndTwoHoursFromMondayTen() {
        assertThat(calendar.dueAt(wib("2026-11-30T10:00"), limit("P1DT2H"))).isEqualTo(wib("2026-12-01T12:00"));
    }

    @Test
    void timeAfterAClampedDayContinuesNextWorkingDay() {
        assertThat(calendar.dueAt(wib("2026-12-04T16:15"), limit("P1DT30M"))).isEqualTo(wib("2026-12-08T08:30"));
    }
}
