package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.limit;
import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lunch break is not working time. */
class CalendarBreakTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void fifteenMinutesAcrossTheBreakResumeAfterIt() {
        assertThat(calendar.dueAt(wib("2026-11-30T11:50"), limit("PT15M"))).isEqualTo(wib("2026-11-30T13:05"));
    }

    @Test
    void aLimitEndingExactlyAtTheBreakIsDueAtTheBreaksStart() {
        assertThat(calendar.dueAt(wib("2026-11-30T10:00"), limit("PT2H"))).isEqualTo(wib("2026-11-30T12:00"));
    }

    @Test
    void enteredDuringTheBreakCountsFromItsEnd() {
        assertThat(calendar.dueAt(wib("2026-11-30T12:20"), limit("PT1H"))).isEqualTo(wib("2026-11-30T14:00"));
    }

    @Test
    void theBreakIsNotAWorkingMoment() {
        assertThat(calendar.isWorkingMoment(wib("2026-11-30T12:30"))).isFalse();
        assertThat(calendar.isWorkingMoment(wib("2026-11-30T13:00"))).isTrue();
        assertThat(calendar.workingTimeBetween(wib("2026-11-30T11:00"), wib("2026-11-30T14:00")))
                .isEqualTo(Duration.ofHours(2));
    }
}
