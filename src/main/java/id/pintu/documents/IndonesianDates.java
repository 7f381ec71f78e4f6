package id.pintu.documents;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Dates as Indonesian letters write them ("28 November 2026"), in the office's time zone (WIB). */
public final class IndonesianDates {

    private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
        "Agustus", "September", "Oktober", "November", "Desember"};
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    private IndonesianDates() {}

    public static String date(Instant at, ZoneId zone) {
        return date(at.atZone(zone).toLocalDate());
    }

    /** "28 November 2026". */
    public static String date(LocalDate day) {
        return day.getDayOfMonth() + " " + MONTHS[day.getMonthValue() - 1] + " " + day.getYear();
    }

    /** "Kamis, 26 November 2026". */
    public static String dayAndDate(Instant at, ZoneId zone) {
        return dayName(at.atZone(zone).getDayOfWeek()) + ", " + date(at, zone);
    }

    /** "26 November 2026 pukul 14.05 WIB" (Indonesian writes the time with a dot). */
    public static String dateTime(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        return date(at, zone) + String.format(" pukul %02d.%02d %s", t.getHour(), t.getMinute(), zoneName(zone));
    }

    public static String romanMonth(int month) {
        return ROMAN[month - 1];
    }

    static String zoneName(ZoneId zone) {
        return switch (zone.getId()) {
            case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> zone.getId();
        };
    }

    static String dayName(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> "Senin";
            case TUESDAY -> "Selasa";
            case WEDNESDAY -> "Rabu";
            case THURSDAY -> "Kamis";
            case FRIDAY -> "Jumat";
            case SATURDAY -> "Sabtu";
            case SUNDAY -> "Minggu";
        };
    }
}
