package id.pintu.calendar;

import id.pintu.sop.MutuBaku;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * What the calendar computes with, swapped whole by {@link #reloadIfChanged}: each computation reads it once,
     * so no due date mixes the old files with the new ones.
     */
    private record State(CalendarData data, String fingerprint) {
        OfficeHours hours() {
            return data.hours();
        }

        ZoneId zone() {
            return data.hours().zone();
        }
    }

    private final CalendarProperties properties;
    private final Clock clock;
    /** Where a copy of the last files that could be used is kept; null: none kept. */
    private final Path lastGood;
    private final CalendarLoader loader = new CalendarLoader();
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
    private volatile State state;

    /** A calendar read from its files, with no copy of the last good ones (tests, tools). */
    public OfficeCalendar(CalendarProperties properties, Clock clock) {
        this(properties, clock, (Path) null);
    }

    /**
     * The hub's calendar. Each time its files are read and can be used, a copy is kept in {@code lastGood}; a start on
     * files that cannot be used (a typo saved while the hub ran: the running hub kept its calendar and showed the
     * problem, but the next restart, a reboot or the container's restart policy, failed, and every hub with it) starts
     * on that copy instead, logs the problem as an error and shows it ({@code GET /api/admin/calendar}) until the files
     * are mended, when they are put in force as any change is.
     */
    @Autowired
    public OfficeCalendar(CalendarProperties properties, Clock clock, @Value("${pintu.data-dir}") String dataDir) {
        this(properties, clock, Path.of(dataDir).resolve("calendar-last-good"));
    }

    OfficeCalendar(CalendarProperties properties, Clock clock, Path lastGood) {
        this.properties = properties;
        this.clock = clock;
        this.lastGood = lastGood;
        State read;
        try {
            read = new State(loader.load(properties), loader.fingerprint(properties));
            keep();
        } catch (CalendarConfigException e) {
            Path hours = lastGood == null ? null : lastGood.resolve(properties.hoursFile().getFileName());
            if (hours == null || !Files.isRegularFile(hours)) {
                throw e;
            }
            CalendarProperties kept = new CalendarProperties(lastGood, properties.hoursFile().getFileName(),
                    properties.checkInterval(), properties.nextYearNotice());
            read = new State(loader.load(kept), "last-good:" + loader.fingerprint(kept));
            LOG.error("The calendar files cannot be used; the hub starts on the last calendar that could, kept in {},"
                    + " until they are mended. {}", lastGood, e.getMessage());
        }
        this.state = read;
        warnAboutNextYears(clock);
        LOG.info("Office calendar from {}: zone {}, {} holidays for years {}{}", properties.resolvedHoursFile(),
                zone(), state.data().holidays().size(), state.data().holidayYears(),
                state.hours().ignoreHolidays() ? " (holidays ignored: demo calendar)" : "");
    }

    /** A calendar of fixed data, not read from files (it cannot be reloaded). */
    public OfficeCalendar(CalendarData data, Clock clock) {
        this.properties = null;
        this.lastGood = null;
        this.clock = clock;
        this.state = new State(data, null);
        warnAboutNextYears(clock);
    }

    private void warnAboutNextYears(Clock clock) {
        State s = state;
        if (!s.hours().ignoreHolidays()) {
            int thisYear = clock.instant().atZone(s.zone()).getYear();
            warnIfNoHolidays(s, thisYear);
            warnIfNoHolidays(s, thisYear + 1);
            for (int year : s.data().incompleteYears().subSet(thisYear, thisYear + 2)) {
                LOG.warn("The holiday file for {} says complete: false: the holidays it does not list yet (the year's"
                        + " SKB 3 Menteri) count as working days until they are entered", year);
            }
        }
    }

    /**
     * A year whose national holidays and cuti bersama are not all on record, so that due dates across its missing days
     * come earlier than the law allows the office.
     *
     * @param fileMissing no {@code holidays-YYYY.yaml} at all; else its file says {@code complete: false}
     */
    public record Gap(int year, boolean fileMissing) {}

    /**
     * This year's gap, and next year's from {@code pintu.calendar.next-year-notice} before it begins: what the head of
     * office and IT are told to mend. None for a calendar that ignores holidays (the 24/7 demo calendar).
     */
    public List<Gap> gaps(Instant now) {
        State s = state;
        if (s.hours().ignoreHolidays()) {
            return List.of();
        }
        Duration notice = properties == null ? Duration.ofDays(92) : properties.nextYearNotice();
        int thisYear = now.atZone(s.zone()).getYear();
        List<Gap> gaps = new ArrayList<>();
        gap(s, thisYear).ifPresent(gaps::add);
        Instant nextYearBegins = LocalDate.of(thisYear + 1, 1, 1).atStartOfDay(s.zone()).toInstant();
        if (!now.isBefore(nextYearBegins.minus(notice))) {
            gap(s, thisYear + 1).ifPresent(gaps::add);
        }
        return gaps;
    }

    private static Optional<Gap> gap(State s, int year) {
        if (!s.data().holidayYears().contains(year)) {
            return Optional.of(new Gap(year, true));
        }
        return s.data().incompleteYears().contains(year) ? Optional.of(new Gap(year, false)) : Optional.empty();
    }

    /**
     * Reads the calendar's files again if they changed since they were last read, and puts them in force at once.
     * Returns what changed, or empty if the files are as they were. A file the office cannot run on throws
     * {@link CalendarConfigException} and leaves the calendar in force as it was.
     */
    public synchronized Optional<CalendarChange> reloadIfChanged() {
        return reloadIfChanged(filesFingerprint());
    }

    /** The same, for files whose fingerprint ({@link #filesFingerprint}) the caller has just read. */
    public synchronized Optional<CalendarChange> reloadIfChanged(String fingerprint) {
        State before = state;
        if (fingerprint.equals(before.fingerprint())) {
            return Optional.empty();
        }
        State after = new State(loader.load(properties), fingerprint);
        refuseLostYears(before.data(), after.data());
        state = after;
        keep();
        warnedYears.clear();
        CalendarChange change = CalendarChange.between(before.data(), after.data());
        LOG.info("Office calendar reloaded from {}: {}", properties.resolvedHoursFile(), change.summary());
        return Optional.of(change);
    }

    /**
     * A holiday file of this year or a later one that was in force and is gone (deleted to be uploaded again, a move
     * half done) is not put in force while the hub runs: every open task would at once be due earlier, the next scan
     * would report breaches and close clarifications as abandoned, and the file's return a minute later would undo
     * none of it. A restart puts the files as they are in force (and revises the open tasks for them).
     */
    private void refuseLostYears(CalendarData before, CalendarData after) {
        if (before.hours().ignoreHolidays() || after.hours().ignoreHolidays()) {
            return;
        }
        int thisYear = clock.instant().atZone(after.hours().zone()).getYear();
        List<String> lost = before.holidayYears().tailSet(thisYear).stream()
                .filter(y -> !after.holidayYears().contains(y))
                .map(y -> "holidays-" + y + ".yaml: the holiday file of " + y + " is in force but no longer in "
                        + properties.directory() + "; put it back (a restart would put the calendar without it in"
                        + " force)")
                .toList();
        if (!lost.isEmpty()) {
            throw new CalendarConfigException(properties.directory().toString(), lost);
        }
    }

    /** Copies the files just put in force to {@code lastGood}; a copy that fails is logged, nothing else. */
    private void keep() {
        if (lastGood == null) {
            return;
        }
        try {
            Files.createDirectories(lastGood);
            Files.copy(properties.resolvedHoursFile(), lastGood.resolve(properties.hoursFile().getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            Set<String> names = new java.util.HashSet<>();
            try (Stream<Path> files = Files.list(properties.directory())) {
                for (Path f : files.filter(f -> CalendarLoader.HOLIDAY_FILE.matcher(f.getFileName().toString())
                        .matches()).toList()) {
                    names.add(f.getFileName().toString());
                    Files.copy(f, lastGood.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Stream<Path> kept = Files.list(lastGood)) {
                for (Path f : kept.filter(f -> CalendarLoader.HOLIDAY_FILE.matcher(f.getFileName().toString())
                        .matches() && !names.contains(f.getFileName().toString())).toList()) {
                    Files.delete(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The calendar files could not be copied to {} (kept for a start on broken files): {}", lastGood,
                    e.toString());
        }
    }

    /** The SHA-256 of the calendar's files as they are on disk now. */
    public String filesFingerprint() {
        if (properties == null) {
            throw new IllegalStateException("this calendar was not read from files");
        }
        return loader.fingerprint(properties);
    }

    /**
     * The SHA-256 of what the calendar in force says (zone, hours, special periods, holidays), whatever files and
     * paths it was read from: the same on every hub whose files say the same.
     */
    public String contentFingerprint() {
        CalendarData d = state.data();
        StringBuilder canonical = new StringBuilder().append(d.hours().zone()).append('|')
                .append(d.hours().ignoreHolidays()).append('|').append(new java.util.TreeMap<>(d.hours().week()));
        d.hours().specialPeriods().forEach(p -> canonical.append('|').append(p.name()).append(p.from()).append(p.to())
                .append(new java.util.TreeMap<>(p.week())));
        canonical.append('|').append(new java.util.TreeMap<>(d.holidays())).append('|').append(d.holidayYears());
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The SHA-256 of the files the calendar in force was read from (null for a calendar of fixed data). */
    public String fingerprint() {
        return state.fingerprint();
    }

    /** What the calendar in force was loaded from: its hours, its holidays and the years with a holiday file. */
    public CalendarData data() {
        return state.data();
    }

    public ZoneId zone() {
        return state.zone();
    }

    @Override
    public Instant dueAt(Instant entered, MutuBaku limit) {
        State s = state;
        Instant start = nextWorkingMoment(s, entered);
        Instant afterDays = plusWorkingDays(s, start, limit.workingDays());
        return plusWorkingTime(s, afterDays, limit.workingTime());
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        State s = state;
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(s.zone()).toLocalDate();
        for (LocalDate d = from.atZone(s.zone()).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            for (Period p : periods(s, d)) {
                Instant start = later(p.start(), from);
                Instant end = earlier(p.end(), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    @Override
    public boolean isWorkingMoment(Instant moment) {
        State s = state;
        return periods(s, moment.atZone(s.zone()).toLocalDate()).stream().anyMatch(p -> p.contains(moment));
    }

    @Override
    public Instant nextWorkingMoment(Instant moment) {
        return nextWorkingMoment(state, moment);
    }

    private Instant nextWorkingMoment(State s, Instant moment) {
        LocalDate d = moment.atZone(s.zone()).toLocalDate();
        for (int closed = 0; closed <= MAX_CLOSED_DAYS; d = d.plusDays(1)) {
            List<Period> periods = periods(s, d);
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
        return !periods(state, date).isEmpty();
    }

    /** The holiday on {@code date}, if one is on record (also when the calendar ignores holidays). */
    public Optional<Holiday> holidayOn(LocalDate date) {
        return Optional.ofNullable(state.data().holidays().get(date));
    }

    /** {@code start} must be a working moment; see the class comment for the clock-position rule. */
    private Instant plusWorkingDays(State s, Instant start, int days) {
        if (days == 0) {
            return start;
        }
        ZonedDateTime z = start.atZone(s.zone());
        LocalDate target = z.toLocalDate();
        for (int i = 0; i < days; i++) {
            target = nextWorkingDay(s, target);
        }
        return clockPositionOn(s, target, z.toLocalTime());
    }

    private LocalDate nextWorkingDay(State s, LocalDate after) {
        LocalDate d = after.plusDays(1);
        for (int closed = 0; periods(s, d).isEmpty(); d = d.plusDays(1)) {
            if (++closed > MAX_CLOSED_DAYS) {
                throw noWorkingDays(after.atStartOfDay(s.zone()).toInstant());
            }
        }
        return d;
    }

    private Instant clockPositionOn(State s, LocalDate date, LocalTime clock) {
        Instant wanted = date.atTime(clock).atZone(s.zone()).toInstant();
        List<Period> periods = periods(s, date);
        Instant position = periods.get(0).start();
        for (Period p : periods) {
            if (!wanted.isBefore(p.start())) {
                position = p.contains(wanted) ? wanted : p.end();
            }
        }
        return position;
    }

    private Instant plusWorkingTime(State s, Instant from, Duration amount) {
        if (amount.isZero()) {
            return from;
        }
        Duration remaining = amount;
        Instant cursor = from;
        LocalDate d = from.atZone(s.zone()).toLocalDate();
        for (int closed = 0; closed <= MAX_CLOSED_DAYS; d = d.plusDays(1)) {
            List<Period> periods = periods(s, d);
            closed = periods.isEmpty() ? closed + 1 : 0;
            for (Period p : periods) {
                if (!p.end().isAfter(cursor)) {
                    continue;
                }
                Instant start = later(p.start(), cursor);
                Duration available = Duration.between(start, p.end());
                if (available.compareTo(remaining) >= 0) {
                    return start.plus(remaining);
                }
                remaining = remaining.minus(available);
                cursor = p.end();
            }
        }
        throw noWorkingDays(from);
    }

    /** The working periods of {@code date} as instants; empty on a closed weekday or a holiday. */
    private List<Period> periods(State s, LocalDate date) {
        if (!s.hours().ignoreHolidays()) {
            if (s.data().holidays().containsKey(date)) {
                return List.of();
            }
            warnIfNoHolidays(s, date.getYear());
        }
        Optional<DaySchedule> schedule = s.hours().scheduleFor(date);
        if (schedule.isEmpty()) {
            return List.of();
        }
        List<Period> result = new ArrayList<>(schedule.get().periods().size());
        for (TimeRange r : schedule.get().periods()) {
            result.add(new Period(at(s, date, r.startMinute()), at(s, date, r.endMinute())));
        }
        return result;
    }

    private static Instant at(State s, LocalDate date, int minute) {
        if (minute == TimeRange.END_OF_DAY) {
            return date.plusDays(1).atStartOfDay(s.zone()).toInstant();
        }
        return date.atTime(minute / 60, minute % 60).atZone(s.zone()).toInstant();
    }

    private void warnIfNoHolidays(State s, int year) {
        if (!s.data().holidayYears().contains(year) && warnedYears.add(year)) {
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
