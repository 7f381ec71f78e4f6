package id.pintu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office staff write times and dates without quotes and weekdays in any case; that must read the same. */
class CalendarPlainYamlTest {

    @TempDir
    Path dir;

    @Test
    void unquotedTimesDatesAndLowerCaseWeekdays() throws IOException {
        Files.writeString(dir.resolve("office-hours.yaml"), """
                week:
                  monday: { open: 08:00, close: 16:00, breaks: [ { from: 12:00, to: 13:00 } ] }
                specialPeriods:
                  - name: Ramadan
                    from: 2026-02-19
                    to: 2026-03-20
                    week:
                      monday: { open: 08:00, close: 15:00 }
                """);
        Files.writeString(dir.resolve("holidays-2026.yaml"), """
                year: 2026
                holidays:
                  - date: 2026-08-17
                    name: Proklamasi Kemerdekaan Republik Indonesia
                    type: libur_nasional
                """);

        CalendarData data = new CalendarLoader().load(new CalendarProperties(dir, Path.of("office-hours.yaml"), Duration.ZERO, Duration.ofDays(92)));

        assertThat(data.hours().week().get(DayOfWeek.MONDAY))
                .isEqualTo(CalendarFixtures.day("08:00", "16:00", "12:00", "13:00"));
        assertThat(data.hours().specialPeriods().get(0).from()).isEqualTo(LocalDate.of(2026, 2, 19));
        assertThat(data.holidays()).containsKey(LocalDate.of(2026, 8, 17));
    }
}
