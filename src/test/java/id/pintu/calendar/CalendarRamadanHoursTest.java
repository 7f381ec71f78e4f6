package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.limit;
import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** During Ramadan the office closes at 15:00 (Friday 15:30) with a shorter break. */
class CalendarRamadanHoursTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void oneHourFromHalfPastTwoInRamadanContinuesNextMorning() {
        assertThat(calendar.dueAt(wib("2026-03-02T14:30"), limit("PT1H"))).isEqualTo(wib("2026-03-03T08:30"));
    }

    @Test
    void theSameHourOutsideRamadanEndsTheSameDay() {
        assertThat(calendar.dueAt(wib("2026-04-06T14:30"), limit("PT1H"))).isEqualTo(wib("2026-04-06T15:30"));
    }

    @Test
    void ramadanBreakIsHalfAnHour() {
        assertThat(calendar.dueAt(wib("2026-03-02T11:45"), limit("PT30M"))).isEqualTo(wib("2026-03-02T12:45"));
    }

    @Test
    void ramadanFridayHasSixAndAHalfWorkingHours() {
        assertThat(calendar.workingTimeBetween(wib("2026-03-06T00:00"), wib("2026-03-07T00:00")))
                .isEqualTo(Duration.ofMinutes(390));
    }

    @Test
    void oneDayFromFridayAfternoonClampsToRamadanMondayClosing() {
        assertThat(calendar.dueAt(wib("2026-03-06T15:15"), limit("P1D"))).isEqualTo(wib("2026-03-09T15:00"));
    }

    @Test
    void thePeriodEndsOnItsLastDate() {
        assertThat(calendar.isWorkingMoment(wib("2026-03-19T15:30"))).isFalse();
        assertThat(calendar.isWorkingMoment(wib("2026-03-25T15:30"))).isTrue();
    }
}
