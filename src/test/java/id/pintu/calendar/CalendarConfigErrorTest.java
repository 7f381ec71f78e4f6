package id.pintu.calendar;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad calendar file is rejected with a message naming the file and the field. */
class CalendarConfigErrorTest {

    @TempDir
    Path dir;

    private final CalendarLoader loader = new CalendarLoader();

    @Test
    void closingBeforeOpening() throws IOException {
        Path file = write("office-hours.yaml", "week:\n  MONDAY: { open: \"16:00\", close: \"08:00\" }\n");
        assertThatThrownBy(() -> loader.loadHours(file))
                .isInstanceOf(CalendarConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("field week.MONDAY.close");
    }

    @Test
    void breakOutsideTheHours() throws IOException {
        Path file = write("office-hours.yaml",
                "week:\n  FRIDAY: { open: \"08:00\", close: \"16:30\", breaks: [ { from: \"16:00\", to: \"17:00\" } ] }\n");
        assertThatThrownBy(() -> loader.loadHours(file)).hasMessageContaining("field week.FRIDAY.breaks[0]");
    }

    @Test
    void notATime() throws IOException {
        Path file = write("office-hours.yaml", "week:\n  MONDAY: { open: \"8 pagi\", close: \"16:00\" }\n");
        assertThatThrownBy(() -> loader.loadHours(file)).hasMessageContaining("field week.MONDAY.open: '8 pagi'");
    }

    @Test
    void unknownWeekday() throws IOException {
        Path file = write("office-hours.yaml", "week:\n  SENIN: { open: \"08:00\", close: \"16:00\" }\n");
        assertThatThrownBy(() -> loader.loadHours(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("field week");
    }

    @Test
    void misspelledField() throws IOException {
        Path file = write("office-hours.yaml", "weeks:\n  MONDAY: { open: \"08:00\", close: \"16:00\" }\n");
        assertThatThrownBy(() -> loader.loadHours(file)).hasMessageContaining("field weeks");
    }

    @Test
    void overlappingSpecialPeriods() throws IOException {
        String day = "{ MONDAY: { open: \"08:00\", close: \"15:00\" } }";
        Path file = write("office-hours.yaml", "week:\n  MONDAY: { open: \"08:00\", close: \"16:00\" }\n"
                + "specialPeriods:\n"
                + "  - { name: A, from: \"2026-02-19\", to: \"2026-03-20\", week: " + day + " }\n"
                + "  - { name: B, from: \"2026-03-01\", to: \"2026-03-05\", week: " + day + " }\n");
        assertThatThrownBy(() -> loader.loadHours(file)).hasMessageContaining("field specialPeriods[1]: ")
                .hasMessageContaining("overlaps period 'A'");
    }

    @Test
    void holidayOutsideTheFilesYear() throws IOException {
        Path file = write("holidays-2026.yaml",
                "year: 2026\nholidays:\n  - { date: 2027-01-01, name: Tahun Baru 2027 Masehi, type: LIBUR_NASIONAL }\n");
        assertThatThrownBy(() -> loader.loadHolidays(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("field holidays[0].date: 2027-01-01 is not in 2026");
    }

    @Test
    void holidayWithUnknownType() throws IOException {
        Path file = write("holidays-2026.yaml",
                "year: 2026\nholidays:\n  - { date: 2026-01-01, name: Tahun Baru 2026 Masehi, type: LIBUR }\n");
        assertThatThrownBy(() -> loader.loadHolidays(file)).hasMessageContaining("field holidays[0].type");
    }

    @Test
    void yearNotMatchingTheFileName() throws IOException {
        Path file = write("holidays-2027.yaml",
                "year: 2026\nholidays:\n  - { date: 2026-01-01, name: Tahun Baru 2026 Masehi, type: LIBUR_NASIONAL }\n");
        assertThatThrownBy(() -> loader.loadHolidays(file)).hasMessageContaining("field year: 2026 does not match");
    }

    @Test
    void directoryWithoutHolidayFiles() throws IOException {
        write("office-hours.yaml", "week:\n  MONDAY: { open: \"08:00\", close: \"16:00\" }\n");
        assertThatThrownBy(() -> loader.load(new CalendarProperties(dir, Path.of("office-hours.yaml"), Duration.ZERO, Duration.ofDays(92))))
                .hasMessageContaining("no holidays-YYYY.yaml found");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
