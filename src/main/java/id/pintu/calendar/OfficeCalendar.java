package id.pintu.calendar;

import id.pintu.sop.MutuBaku;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * Minimal office calendar: Monday to Friday, 08:00-16:00 WIB, no holidays. To be replaced by the configurable
 * calendar (hours per weekday, breaks, Ramadan hours, holidays as data).
 */
@Component
public class OfficeCalendar implements WorkingCalendar {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final LocalTime OPEN = LocalTime.of(8, 0);
    private static final LocalTime CLOSE = LocalTime.of(16, 0);

    public OfficeCalendar(Clock clock) {}

    @Override
    public Instant dueAt(Instant entered, MutuBaku limit) {
        ZonedDateTime t = nextWorkingMoment(entered.atZone(WIB));
        for (int i = 0; i < limit.workingDays(); i++) {
            t = t.plusDays(1);
            while (!isWorkingDay(t)) {
                t = t.plusDays(1);
            }
        }
        long minutes = limit.workingTime().toMinutes();
        while (minutes > 0) {
            t = nextWorkingMoment(t);
            long left = Duration.between(t.toLocalTime(), CLOSE).toMinutes();
            long take = Math.min(left, minutes);
            t = t.plusMinutes(take);
            minutes -= take;
        }
        return t.toInstant();
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        ZonedDateTime t = from.atZone(WIB);
        ZonedDateTime end = to.atZone(WIB);
        while (t.isBefore(end)) {
            t = nextWorkingMoment(t);
            if (!t.isBefore(end)) {
                break;
            }
            ZonedDateTime close = t.with(CLOSE);
            ZonedDateTime stop = close.isBefore(end) ? close : end;
            total = total.plus(Duration.between(t, stop));
            t = stop;
        }
        return total;
    }

    private static boolean isWorkingDay(ZonedDateTime t) {
        return t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static ZonedDateTime nextWorkingMoment(ZonedDateTime t) {
        while (true) {
            if (isWorkingDay(t)) {
                if (t.toLocalTime().isBefore(OPEN)) {
                    return t.with(OPEN).withSecond(0).withNano(0);
                }
                if (t.toLocalTime().isBefore(CLOSE)) {
                    return t;
                }
            }
            t = t.plusDays(1).with(OPEN).withSecond(0).withNano(0);
        }
    }
}
