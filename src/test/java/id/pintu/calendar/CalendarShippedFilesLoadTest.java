package id.pintu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The files in config/calendar load, and the defaults are the office's shipped hours. */
class CalendarShippedFilesLoadTest {

    private static final Path DIRECTORY = Path.of("config/calendar");

    @Test
    void officeHoursAndEveryHolidayFileLoad() {
        CalendarData data = new CalendarLoader()
                .load(new CalendarProperties(DIRECTORY, Path.of("office-hours.yaml"), Duration.ZERO, Duration.ofDays(92)));

        assertThat(data.holidayYears()).contains(2026, 2027);
        // 2027's file lists the certain days only until the office enters the SKB 3 Menteri (and says so).
        assertThat(data.incompleteYears()).containsExactly(2027);
        assertThat(data.hours().zone()).isEqualTo(CalendarFixtures.WIB);
        assertThat(data.hours().week().get(DayOfWeek.MONDAY)).isEqualTo(CalendarFixtures.day("08:00", "16:00", "12:00", "13:00"));
        assertThat(data.hours().week().get(DayOfWeek.FRIDAY)).isEqualTo(CalendarFixtures.day("08:00", "16:30", "11:30", "13:30"));
        assertThat(data.hours().week()).doesNotContainKeys(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(data.hours().scheduleFor(LocalDate.of(2026, 3, 2)))
                .contains(CalendarFixtures.day("08:00", "15:00", "12:00", "12:30"));
    }

    @Test
    void holidays2026HaveSeventeenNationalHolidaysAndEightCutiBersama() {
        CalendarLoader.HolidayYear year = new CalendarLoader().loadHolidays(DIRECTORY.resolve("holidays-2026.yaml"));

        assertThat(year.holidays()).filteredOn(h -> h.type() == HolidayType.LIBUR_NASIONAL).hasSize(17);
        assertThat(year.holidays()).filteredOn(h -> h.type() == HolidayType.CUTI_BERSAMA).hasSize(8);
    }
}
