package id.pintu.calendar;

import static id.pintu.calendar.CalendarFixtures.limit;
import static id.pintu.calendar.CalendarFixtures.wib;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A national holiday on a weekday is not a working day. */
class CalendarNationalHolidayTest {

    private final OfficeCalendar calendar = CalendarFixtures.office();

    @Test
    void stepEnteredTheFridayBeforeIndependenceDayIsDueTuesday() {
        assertThat(calendar.dueAt(wib("2026-08-14T10:00"), limit("P1D"))).isEqualTo(wib("2026-08-18T10:00"));
    }

    @Test
    void minutesEnteredTheEveningBeforeAHolidayCountFromTheDayAfter() {
        assertThat(calendar.dueAt(wib("2026-08-14T17:00"), limit("PT15M"))).isEqualTo(wib("2026-08-18T08:15"));
    }

    @Test
    void theHolidayIsNotAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 17))).isFalse();
        assertThat(calendar.holidayOn(LocalDate.of(2026, 8, 17))).hasValueSatisfying(
                h -> assertThat(h.type()).isEqualTo(HolidayType.LIBUR_NASIONAL));
    }
}
