package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Working time left is positive before the due moment and negative, by the working time overrun, after it. */
class CalendarWorkingTimeLeftTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void beforeDueItIsTheWorkingTimeStillAvailable() {
        assertThat(calendar.workingTimeLeft(wib("2026-12-04T15:00"), wib("2026-12-07T09:00")))
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void afterDueItIsNegative() {
        assertThat(calendar.workingTimeLeft(wib("2026-12-07T09:00"), wib("2026-12-04T15:00")))
                .isEqualTo(Duration.ofMinutes(-150));
    }

    @Test
    void overnightAfterADeadlineAtClosingNoWorkingTimeHasPassed() {
        assertThat(calendar.workingTimeLeft(wib("2026-11-30T20:00"), wib("2026-11-30T16:00"))).isZero();
    }
}
