package id.pintu.calendar;

import id.pintu.sop.MutuBaku;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The shipped default hours, a Ramadan period and a few 2026 holidays, built in code so that the arithmetic tests
 * do not change when the office edits its files.
 */
final class CalendarFixtures {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC);

    static final LocalDate RAMADAN_START = LocalDate.of(2026, 2, 19);
    static final LocalDate RAMADAN_END = LocalDate.of(2026, 3, 20);

    private CalendarFixtures() {}

    static OfficeCalendar office() {
        return calendar(regularHours(), List.of(
                new Holiday(LocalDate.of(2026, 3, 20), "Cuti Bersama Idul Fitri 1447 Hijriah", HolidayType.CUTI_BERSAMA),
                new Holiday(LocalDate.of(2026, 3, 23), "Cuti Bersama Idul Fitri 1447 Hijriah", HolidayType.CUTI_BERSAMA),
                new Holiday(LocalDate.of(2026, 3, 24), "Cuti Bersama Idul Fitri 1447 Hijriah", HolidayType.CUTI_BERSAMA),
                new Holiday(LocalDate.of(2026, 5, 27), "Idul Adha 1447 Hijriah", HolidayType.LIBUR_NASIONAL),
                new Holiday(LocalDate.of(2026, 5, 28), "Cuti Bersama Idul Adha 1447 Hijriah", HolidayType.CUTI_BERSAMA),
                new Holiday(LocalDate.of(2026, 8, 17), "Proklamasi Kemerdekaan Republik Indonesia",
                        HolidayType.LIBUR_NASIONAL),
                new Holiday(LocalDate.of(2026, 12, 24), "Cuti Bersama Kelahiran Yesus Kristus", HolidayType.CUTI_BERSAMA),
                new Holiday(LocalDate.of(2026, 12, 25), "Kelahiran Yesus Kristus", HolidayType.LIBUR_NASIONAL)));
    }

    static OfficeCalendar calendar(OfficeHours hours, List<Holiday> holidays) {
        Map<LocalDate, Holiday> byDate = holidays.stream().collect(Collectors.toMap(Holiday::date, Function.identity()));
        Set<Integer> years = holidays.stream().map(h -> h.date().getYear()).collect(Collectors.toSet());
        return new OfficeCalendar(CalendarData.of(hours, byDate, years), CLOCK);
    }

    static OfficeHours regularHours() {
        Map<DayOfWeek, DaySchedule> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            week.put(d, day("08:00", "16:00", "12:00", "13:00"));
        }
        week.put(DayOfWeek.FRIDAY, day("08:00", "16:30", "11:30", "13:30"));

        Map<DayOfWeek, DaySchedule> ramadan = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            ramadan.put(d, day("08:00", "15:00", "12:00", "12:30"));
        }
        ramadan.put(DayOfWeek.FRIDAY, day("08:00", "15:30", "11:30", "12:30"));
        return new OfficeHours(WIB, false, week,
                List.of(new SpecialPeriod("Ramadan 1447 H", RAMADAN_START, RAMADAN_END, ramadan)));
    }

    static DaySchedule day(String open, String close, String breakFrom, String breakTo) {
        return DaySchedule.of(new TimeRange(minute(open), minute(close)),
                List.of(new TimeRange(minute(breakFrom), minute(breakTo))));
    }

    private static int minute(String hhmm) {
        String[] p = hhmm.split(":");
        return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
    }

    /** An instant given as WIB wall-clock time, e.g. {@code wib("2026-11-30T10:00")}. */
    static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    static MutuBaku limit(String iso) {
        return MutuBaku.parse(iso);
    }
}
