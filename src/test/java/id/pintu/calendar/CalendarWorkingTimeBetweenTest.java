package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Working time between two instants counts only working periods. */
class CalendarWorkingTimeBetweenTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void acrossAWeekendCountsFridayAfternoonAndMondayMorning() {
        assertThat(calendar.workingTimeBetween(wib("2026-12-04T15:00"), wib("2026-12-07T09:00")))
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void aWholeRegularWeekIsThirtyFourAndAHalfHours() {
        assertThat(calendar.workingTimeBetween(wib("2026-11-30T00:00"), wib("2026-12-07T00:00")))
                .isEqualTo(Duration.ofMinutes(4 * 420 + 390));
    }

    @Test
    void reversedOrEqualInstantsGiveZero() {
        assertThat(calendar.workingTimeBetween(wib("2026-12-07T09:00"), wib("2026-12-04T15:00"))).isZero();
        assertThat(calendar.workingTimeBetween(wib("2026-12-07T09:00"), wib("2026-12-07T09:00"))).isZero();
    }

    @Test
    void aLimitAndTheTimeBetweenAgree() {
        var entered = wib("2026-12-04T15:40");
        var due = calendar.dueAt(entered, CalendarFixtures.limit("PT2H"));
        assertThat(calendar.workingTimeBetween(entered, due)).isEqualTo(Duration.ofHours(2));
    }
}
