package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.limit;
import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Friday has a longer break (11:30-13:30) and closes at 16:30. */
class CalendarFridayHoursTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void fridayWorkingDayIsSixAndAHalfHours() {
        assertThat(calendar.workingTimeBetween(wib("2026-12-04T00:00"), wib("2026-12-05T00:00")))
                .isEqualTo(Duration.ofMinutes(390));
    }

    @Test
    void fourHoursFromFridayOpeningSkipTheLongBreak() {
        assertThat(calendar.dueAt(wib("2026-12-04T08:00"), limit("PT4H"))).isEqualTo(wib("2026-12-04T14:00"));
    }

    @Test
    void fridayAfterFourIsStillWorkingTime() {
        assertThat(calendar.dueAt(wib("2026-12-04T16:00"), limit("PT15M"))).isEqualTo(wib("2026-12-04T16:15"));
    }

    @Test
    void thursdayAfterFourIsNot() {
        assertThat(calendar.dueAt(wib("2026-12-03T16:00"), limit("PT15M"))).isEqualTo(wib("2026-12-04T08:15"));
    }
}
