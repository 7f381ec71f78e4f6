package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.limit;
import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A step entered while the office is closed starts counting at the next working moment. */
class CalendarAfterHoursStartTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void enteredOnSaturdayOneDayIsDueTuesdayAtOpening() {
        assertThat(calendar.dueAt(wib("2026-11-28T10:00"), limit("P1D"))).isEqualTo(wib("2026-12-01T08:00"));
    }

    @Test
    void enteredInTheEveningMinutesCountFromNextMorning() {
        assertThat(calendar.dueAt(wib("2026-11-30T19:30"), limit("PT15M"))).isEqualTo(wib("2026-12-01T08:15"));
    }

    @Test
    void enteredBeforeOpeningMinutesCountFromOpening() {
        assertThat(calendar.dueAt(wib("2026-12-01T06:00"), limit("PT30M"))).isEqualTo(wib("2026-12-01T08:30"));
    }

    @Test
    void nextWorkingMomentOfSundayNightIsMondayOpening() {
        assertThat(calendar.nextWorkingMoment(wib("2026-11-29T23:00"))).isEqualTo(wib("2026-11-30T08:00"));
    }
}
