package id.pintu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A year whose holidays are not all on record (no file, or a file that says {@code complete: false}) is named to the
 * head of office: this year's all year, next year's from {@code next-year-notice} before it begins; completing the
 * file (and the reload) ends it. A calendar that ignores holidays has none.
 */
class CalendarGapsTest {

    @TempDir
    Path dir;

    OfficeCalendar calendar;

    @BeforeEach
    void aCompleteYearAndAnIncompleteOne() throws IOException {
        Files.copy(Path.of("config/calendar/office-hours.yaml"), dir.resolve("office-hours.yaml"));
        Files.copy(Path.of("config/calendar/always-open.yaml"), dir.resolve("always-open.yaml"));
        Files.writeString(dir.resolve("holidays-2026.yaml"), """
                year: 2026
                holidays:
                  - { date: 2026-08-17, type: LIBUR_NASIONAL, name: Proklamasi Kemerdekaan }
                """);
        Files.writeString(dir.resolve("holidays-2027.yaml"), """
                year: 2027
                complete: false
                holidays:
                  - { date: 2027-08-17, type: LIBUR_NASIONAL, name: Proklamasi Kemerdekaan }
                """);
        calendar = calendar("office-hours.yaml");
    }

    private OfficeCalendar calendar(String hours) {
        return new OfficeCalendar(new CalendarProperties(dir, Path.of(hours), Duration.ZERO, Duration.ofDays(92)),
                Clock.fixed(Instant.parse("2026-06-01T03:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void thisYearAlwaysNextYearFromTheNotice() {
        assertThat(calendar.data().incompleteYears()).containsExactly(2027);
        assertThat(calendar.gaps(wib("2026-06-01T10:00"))).as("2026 complete, 2027 not yet due for notice").isEmpty();
        // 92 days before 1 January 2027 (WIB) is 1 October 2026, 00:00 WIB.
        assertThat(calendar.gaps(wib("2026-09-30T23:59"))).isEmpty();
        assertThat(calendar.gaps(wib("2026-10-01T00:00"))).containsExactly(new OfficeCalendar.Gap(2027, false));
        assertThat(calendar.gaps(wib("2027-03-01T09:00"))).as("this year's, all year")
                .containsExactly(new OfficeCalendar.Gap(2027, false));
        assertThat(calendar.gaps(wib("2027-11-01T09:00"))).as("and next year's, which has no file at all")
                .containsExactly(new OfficeCalendar.Gap(2027, false), new OfficeCalendar.Gap(2028, true));
        assertThat(calendar.gaps(wib("2028-01-02T09:00"))).containsExactly(new OfficeCalendar.Gap(2028, true));
    }

    @Test
    void completingTheFileEndsTheGap() throws IOException {
        Files.writeString(dir.resolve("holidays-2027.yaml"), """
                year: 2027
                source: SKB 3 Menteri 2027
                holidays:
                  - { date: 2027-03-10, type: LIBUR_NASIONAL, name: Idul Fitri 1448 H }
                  - { date: 2027-08-17, type: LIBUR_NASIONAL, name: Proklamasi Kemerdekaan }
                """);
        CalendarChange change = calendar.reloadIfChanged().orElseThrow();

        assertThat(change.incompleteYears()).isEmpty();
        assertThat(change.summary()).doesNotContain("not yet complete");
        assertThat(calendar.gaps(wib("2026-12-01T09:00"))).isEmpty();
    }

    @Test
    void aCalendarThatIgnoresHolidaysHasNoGaps() {
        assertThat(calendar("always-open.yaml").gaps(wib("2027-11-01T09:00"))).isEmpty();
    }

    private static Instant wib(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(CalendarFixtures.WIB).toInstant();
    }
}
