package id.pintu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pintu.sop.MutuBaku;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar's files are read again while the hub runs: a holiday the SKB adds is in force at once, a file the
 * office cannot run on changes nothing, and a file that did not change is not read again.
 */
class OfficeCalendarReloadTest {

    /** Monday 4 January 2027, 15:00 WIB: one working hour left that day. */
    static final Instant MONDAY_AFTERNOON = Instant.parse("2027-01-04T08:00:00Z");
    static final MutuBaku TWO_HOURS = new MutuBaku(0, Duration.ofHours(2));
    static final String ISRA_MIKRAJ = "  - { date: 2027-01-05, type: LIBUR_NASIONAL, name: Isra Mikraj Nabi Muhammad S.A.W. }\n";

    @TempDir
    Path dir;

    OfficeCalendar calendar;

    @BeforeEach
    void copyTheShippedCalendar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config/calendar"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        calendar = new OfficeCalendar(new CalendarProperties(dir, Path.of("office-hours.yaml"), Duration.ZERO, Duration.ofDays(92)),
                Clock.fixed(MONDAY_AFTERNOON, ZoneOffset.UTC));
    }

    @Test
    void aHolidayAddedToTheFileIsInForceAfterTheReload() throws IOException {
        // One hour on Monday, the second on Tuesday from 08:00 WIB.
        assertThat(calendar.dueAt(MONDAY_AFTERNOON, TWO_HOURS)).isEqualTo(Instant.parse("2027-01-05T02:00:00Z"));
        assertThat(calendar.reloadIfChanged()).as("nothing changed yet").isEmpty();

        append("holidays-2027.yaml", ISRA_MIKRAJ);
        CalendarChange change = calendar.reloadIfChanged().orElseThrow();

        assertThat(change.added()).extracting(Holiday::date).containsExactly(LocalDate.of(2027, 1, 5));
        assertThat(change.removed()).isEmpty();
        assertThat(change.hoursChanged()).isFalse();
        assertThat(change.movesDueDates()).isTrue();
        assertThat(change.summary()).contains("1 holidays added [2027-01-05]");
        assertThat(calendar.dueAt(MONDAY_AFTERNOON, TWO_HOURS)).isEqualTo(Instant.parse("2027-01-06T02:00:00Z"));
        assertThat(calendar.holidayOn(LocalDate.of(2027, 1, 5))).isPresent();
        assertThat(calendar.reloadIfChanged()).as("read once").isEmpty();
    }

    /**
     * This year's holiday file deleted to be uploaded again: put in force, every open task was due earlier at once and
     * the next scan reported breaches; the file's return undid none of it. It is refused until the file is back.
     */
    @Test
    void thisYearsHolidayFileGoneIsRefused() throws IOException {
        Path file = dir.resolve("holidays-2027.yaml");
        String content = Files.readString(file);
        Files.delete(file);
        assertThatThrownBy(() -> calendar.reloadIfChanged()).isInstanceOf(CalendarConfigException.class)
                .hasMessageContaining("holidays-2027.yaml: the holiday file of 2027 is in force but no longer in");
        assertThat(calendar.data().holidayYears()).contains(2027);

        Files.writeString(file, content);
        assertThat(calendar.reloadIfChanged()).as("back as it was").isEmpty();
        Files.delete(dir.resolve("holidays-2026.yaml"));
        assertThat(calendar.reloadIfChanged()).as("a past year's file may go").isPresent();
        assertThat(calendar.data().holidayYears()).doesNotContain(2026).contains(2027);
    }

    /**
     * A typo saved while the hub ran left its calendar in force (the problem shown), but the next restart failed, and
     * every hub with it. A start on broken files starts on the copy of the last files that could be used.
     */
    @Test
    void aStartOnBrokenFilesStartsOnTheLastGoodCalendar() throws IOException {
        Path lastGood = dir.resolve("last-good");
        CalendarProperties files = new CalendarProperties(dir, Path.of("office-hours.yaml"), Duration.ZERO,
                Duration.ofDays(92));
        Clock clock = Clock.fixed(MONDAY_AFTERNOON, ZoneOffset.UTC);
        OfficeCalendar first = new OfficeCalendar(files, clock, lastGood);
        assertThat(lastGood.resolve("holidays-2027.yaml")).exists();

        append("holidays-2027.yaml", "  - { date: 2027-02-30, type: LIBUR_NASIONAL, name: Tanggal yang tidak ada }\n");
        OfficeCalendar restarted = new OfficeCalendar(files, clock, lastGood);
        assertThat(restarted.data().holidays()).isEqualTo(first.data().holidays());
        assertThat(restarted.dueAt(MONDAY_AFTERNOON, TWO_HOURS)).isEqualTo(first.dueAt(MONDAY_AFTERNOON, TWO_HOURS));
        assertThatThrownBy(restarted::reloadIfChanged).as("the files stay refused until mended")
                .isInstanceOf(CalendarConfigException.class).hasMessageContaining("2027-02-30");
        assertThatThrownBy(() -> new OfficeCalendar(files, clock)).as("without a copy, as before")
                .isInstanceOf(CalendarConfigException.class);

        String mended = Files.readString(dir.resolve("holidays-2027.yaml")).replace(
                "  - { date: 2027-02-30, type: LIBUR_NASIONAL, name: Tanggal yang tidak ada }\n", ISRA_MIKRAJ);
        Files.writeString(dir.resolve("holidays-2027.yaml"), mended);
        assertThat(restarted.reloadIfChanged()).isPresent();
        assertThat(restarted.holidayOn(LocalDate.of(2027, 1, 5))).isPresent();
        assertThat(Files.readString(lastGood.resolve("holidays-2027.yaml"))).contains("Isra Mikraj");
    }

    @Test
    void aFileTheOfficeCannotRunOnChangesNothing() throws IOException {
        append("holidays-2027.yaml", ISRA_MIKRAJ);
        calendar.reloadIfChanged().orElseThrow();

        append("holidays-2027.yaml", "  - { date: 2027-02-30, type: LIBUR_NASIONAL, name: Tanggal yang tidak ada }\n");
        assertThatThrownBy(calendar::reloadIfChanged)
                .isInstanceOf(CalendarConfigException.class)
                .hasMessageContaining("holidays-2027.yaml")
                .hasMessageContaining("2027-02-30");
        assertThat(calendar.dueAt(MONDAY_AFTERNOON, TWO_HOURS)).as("the calendar in force stays")
                .isEqualTo(Instant.parse("2027-01-06T02:00:00Z"));
        assertThatThrownBy(calendar::reloadIfChanged).as("and the file is looked at again")
                .isInstanceOf(CalendarConfigException.class);
    }

    @Test
    void removedRenamedAndHoursAreToldApart() throws IOException {
        Path hours = dir.resolve("office-hours.yaml");
        Files.writeString(hours, Files.readString(hours) + "\n# comment only\n");
        assertThat(calendar.reloadIfChanged().orElseThrow().isEmpty()).as("a comment changes nothing").isTrue();

        Path y2027 = dir.resolve("holidays-2027.yaml");
        Files.writeString(y2027, Files.readString(y2027)
                .replace("  - { date: 2027-06-01, type: LIBUR_NASIONAL, name: Hari Lahir Pancasila }\n", "")
                .replace("name: Tahun Baru 2027 Masehi", "name: Tahun Baru Masehi 2027"));
        CalendarChange change = calendar.reloadIfChanged().orElseThrow();
        assertThat(change.removed()).extracting(Holiday::date).containsExactly(LocalDate.of(2027, 6, 1));
        assertThat(change.renamed()).extracting(Holiday::name).containsExactly("Tahun Baru Masehi 2027");
        assertThat(change.added()).isEmpty();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 1))).isTrue();

        Files.writeString(hours, Files.readString(hours).replace("close: \"16:00\"", "close: \"15:00\""));
        assertThat(calendar.reloadIfChanged().orElseThrow().hoursChanged()).isTrue();
    }

    private void append(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardOpenOption.APPEND);
    }
}
