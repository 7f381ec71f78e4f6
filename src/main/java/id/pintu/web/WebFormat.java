package id.pintu.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting for the templates ({@code ${@webFormat.time(t)}}): office time (WIB) and working durations. */
@Component("webFormat")
public class WebFormat {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final MessageSource messages;

    public WebFormat(MessageSource messages) {
        this.messages = messages;
    }

    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .format(instant.atZone(WIB)) + " WIB";
    }

    /** A calendar day, e.g. "15 Jan 2027". */
    public String date(java.time.LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).format(day);
    }

    /** An acting official's kind as letters write it: Plh, Plt (stored as PLH, PLT). */
    public String actingKind(String kind) {
        return id.pintu.security.ActingOfficials.Appointment.kindName(kind);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** A working duration as hours and minutes (working days are office hours, never 24 h). */
    public String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long minutes = Math.abs(d.toMinutes());
        return messages.getMessage("duration.hm", new Object[] {minutes / 60, minutes % 60},
                LocaleContextHolder.getLocale());
    }

    /** "3 j 10 m left" or "1 j 5 m late". */
    public String left(Duration d) {
        if (d == null) {
            return "";
        }
        String key = d.isNegative() ? "duration.late" : "duration.left";
        return messages.getMessage(key, new Object[] {duration(d)}, LocaleContextHolder.getLocale());
    }
}
