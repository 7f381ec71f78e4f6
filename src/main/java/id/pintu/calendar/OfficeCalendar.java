package id.pintu.calendar;

import id.pintu.sop.MutuBaku;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The office's calendar, read from {@code pintu.calendar.directory}: hours per weekday with breaks, special periods
 * such as Ramadan, and national holidays and cuti bersama from one file per year.
 *
 * <p>Rules for a limit ({@link #dueAt}):
 * <ul>
 *   <li>Counting starts at the first working moment at or after entry: a dossier that arrives on Saturday is
 *       counted from Monday's opening.</li>
 *   <li>Working days come first and keep the wall-clock position: Monday 10:00 plus one day is Tuesday 10:00,
 *       Friday 14:00 plus one day is Monday 14:00. Where that clock time is not working time on the target day,
 *       the due moment moves back to the end of the last working period before it (Friday 16:15 becomes Monday
 *       16:00), because moving it forward would hand out time the office never had.</li>
 *   <li>Working time then counts only minutes inside working periods.</li>
 * </ul>
 */
@Component
public class OfficeCalendar implements WorkingCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(OfficeCalendar.class);

    /** A calendar with no working day for this long is misconfigured; stop instead of looping for ever. */
    private static final int MAX_CLOSED_DAYS = 3 * 366;

    private final OfficeHours hours;
    private final CalendarData data;
    private final ZoneId zone;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    @Autowired
    public OfficeCalendar(CalendarProperties properties, Clock clock) {
        this(new CalendarLoader().load(properties), clock);
        LOG.info("Office calendar from {}: zone {}, {} holidays for years {}{}", properties.resolvedHoursFile(),
                zone, data.holidays().size(), data.holidayYears(),
                hours.ignoreHolidays() ? " (holidays ignored: demo calendar)" : "");
    }

    public OfficeCalendar(CalendarData data, Clock clock) {
        this.data = data;
        this.hours = data.hours();
        this.zone = hours.zone();
        if (!hours.ignoreHolidays()) {
            int thisYear = clock.instant().atZone(zone).getYear();
            warnIfNoHolidays(thisYear);
            warnIfNoHolidays(thisYear + 1);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public Instant dueAt(Instant entered, MutuBaku limit) {
        Instant start = nextWorkingMoment(entered);
        Instant afterDays = plusWorkingDays(start, limit.workingDays());
        return plusWorkingTime(afterDays, limit.workingTime());
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            for (Period p : periods(d)) {
                Instant s = later(p.start(), from);
                Instant e = earlier(p.end(), to);
                if (e.isAfter(s)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }

    @Override
    public boolean isWorkingMoment(Instant moment) {
        return periods(moment.atZone(zone).toLocalDate()).stream().anyMatch(p -> p.contains(moment));
    }

    @Override
    public Instant nextWorkingMoment(Instant moment) {
        LocalDate d = moment.atZone(zone).toLocalDate();
        for (int closed = 0; closed <= MAX_CLOSED_DAYS; d = d.plusDays(1)) {
            List<Period> periods = periods(d);
            closed = periods.isEmpty() ? closed + 1 : 0;
            for (Period p : periods) {
                if (p.end().isAfter(moment)) {
                    return later(p.start(), moment);
                }
            }
        }
        throw noWorkingDays(moment);
    }

    /** Whether {@code date} has working hours at all (a weekday with hours that is not a holiday). */
    public boolean isWorkingDay(LocalDate date) {
        return !periods(date).isEmpty();
    }

    /** The holiday on {@code date}, if one is on record (also when the calendar ignores holidays). */
    public Optional<Holiday> holidayOn(LocalDate date) {
        return Optional.ofNullable(data.holidays().get(date));
    }

    /** {@code start} must be a working moment; see the class comment for the clock-position rule. */
    private Instant plusWorkingDays(Instant start, int days) {
        if (days == 0) {
            return start;
        }
        ZonedDateTime z = start.atZone(zone);
        LocalDate target = z.toLocalDate();
        for (int i = 0; i < days; i++) {
            target = nextWorkingDay(target);
        }
        return clockPositionOn(target, z.toLocalTime());
    }

    private LocalDate nextWorkingDay(LocalDate after) {
        LocalDate d = after.plusDays(1);
        for (int closed = 0; periods(d).isEmpty(); d = d.plusDays(1)) {
            if (++closed > MAX_CLOSED_DAYS) {
                throw noWorkingDays(after.atStartOfDay(zone).toInstant());
            }
        }
        return d;
    }

    private Instant clockPositionOn(LocalDate date, LocalTime clock) {
        Instant wanted = date.atTime(clock).atZone(zone).toInstant();
        List<Period> periods = periods(date);
        Instant position = periods.get(0).start();
        for (Period p : periods) {
            if (!wanted.isBefore(p.start())) {
                position = p.contains(wanted) ? wanted : p.end();
            }
        }
        return position;
    }

    private Instant plusWorkingTime(Instant from, Duration amount) {
        if (amount.isZero()) {
            return from;
        }
        Duration remaining = amount;
        Instant cursor = from;
        LocalDate d = from.atZone(zone).toLocalDate();
        for (int closed = 0; closed <= MAX_CLOSED_DAYS; d = d.plusDays(1)) {
            List<Period> periods = periods(d);
            closed = periods.isEmpty() ? closed + 1 : 0;
            for (Period p : periods) {
                if (!p.end().isAfter(cursor)) {
                    continue;
                }
                Instant s = later(p.start(), cursor);
                Duration available = Duration.between(s, p.end());
                if (available.compareTo(remaining) >= 0) {
                    return s.plus(remaining);
                }
                remaining = remaining.minus(available);
                cursor = p.end();
            }
        }
        throw noWorkingDays(from);
    }

    /** The working periods of {@code date} as instants; empty on a closed weekday or a holiday. */
    private List<Period> periods(LocalDate date) {
        if (!hours.ignoreHolidays()) {
            if (data.holidays().containsKey(date)) {
                return List.of();
            }
            warnIfNoHolidays(date.getYear());
        }
        Optional<DaySchedule> schedule = hours.scheduleFor(date);
        if (schedule.isEmpty()) {
            return List.of();
        }
        List<Period> result = new ArrayList<>(schedule.get().periods().size());
        for (TimeRange r : schedule.get().periods()) {
            result.add(new Period(at(date, r.startMinute()), at(date, r.endMinute())));
        }
        return result;
    }

    private Instant at(LocalDate date, int minute) {
        if (minute == TimeRange.END_OF_DAY) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return date.atTime(minute / 60, minute % 60).atZone(zone).toInstant();
    }

    private void warnIfNoHolidays(int year) {
        if (!data.holidayYears().contains(year) && warnedYears.add(year)) {
            LOG.warn("No holiday file for {} in the calendar directory: its national holidays and cuti bersama "
                    + "count as working days until holidays-{}.yaml is added", year, year);
        }
    }

    private IllegalStateException noWorkingDays(Instant from) {
        return new IllegalStateException("The office calendar has no working time within " + MAX_CLOSED_DAYS
                + " days after " + from + "; check the hours file");
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private record Period(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }
}
