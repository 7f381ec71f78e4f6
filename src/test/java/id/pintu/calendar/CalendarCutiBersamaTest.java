package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.limit;
import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Cuti bersama closes the office like a national holiday, including next to one. */
class CalendarCutiBersamaTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void dayBeforeChristmasLeaveAndChristmasDueTheNextMonday() {
        assertThat(calendar.dueAt(wib("2026-12-23T10:00"), limit("P1D"))).isEqualTo(wib("2026-12-28T10:00"));
    }

    @Test
    void idulAdhaAndItsCutiBersamaSkipTwoDaysMidweek() {
        assertThat(calendar.dueAt(wib("2026-05-26T09:00"), limit("P1D"))).isEqualTo(wib("2026-05-29T09:00"));
    }

    @Test
    void hoursRunFromWednesdayAfternoonIntoMonday() {
        assertThat(calendar.dueAt(wib("2026-12-23T15:00"), limit("PT2H"))).isEqualTo(wib("2026-12-28T09:00"));
        assertThat(calendar.workingTimeBetween(wib("2026-12-23T15:00"), wib("2026-12-28T09:00")))
                .isEqualTo(Duration.ofHours(2));
    }
}
