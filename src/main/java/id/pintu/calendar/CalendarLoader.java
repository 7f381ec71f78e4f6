package id.pintu.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the calendar files: the hours file and every {@code holidays-*.yaml} in the calendar directory. All problems
 * of a file are collected before failing, so the office fixes a file in one go; each names its field.
 */
public class CalendarLoader {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    static final Pattern HOLIDAY_FILE = Pattern.compile("holidays-.*\\.ya?ml");
    private static final Pattern YEAR_IN_NAME = Pattern.compile("holidays-(\\d{4})\\b.*");

    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    // The shapes of the files, kept apart from the domain types so that every value can be checked with its
    // field's name before it becomes a TimeRange or a LocalDate.
    record HoursFile(String zone, Boolean ignoreHolidays, Map<DayOfWeek, DayEntry> week,
            List<PeriodEntry> specialPeriods) {}

    record DayEntry(String open, String close, List<BreakEntry> breaks) {}

    record BreakEntry(String from, String to) {}

    record PeriodEntry(String name, String from, String to, Map<DayOfWeek, DayEntry> week) {}

    record HolidayFile(Integer year, String source, Boolean complete, List<HolidayEntry> holidays) {}

    record HolidayEntry(String date, String name, HolidayType type) {}

    /** The hours file named by the properties and, unless it ignores holidays, every holiday file beside it. */
    public CalendarData load(CalendarProperties properties) {
        OfficeHours hours = loadHours(properties.resolvedHoursFile());
        if (hours.ignoreHolidays()) {
            return CalendarData.of(hours, Map.of(), Set.of());
        }
        Map<LocalDate, Holiday> holidays = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        Set<Integer> incomplete = new TreeSet<>();
        for (Path file : holidayFiles(properties.directory())) {
            HolidayYear year = loadHolidays(file);
            if (!years.add(year.year())) {
                throw new CalendarConfigException(file.toString(),
                        List.of("field year: another holiday file is also for " + year.year()));
            }
            if (!year.complete()) {
                incomplete.add(year.year());
            }
            for (Holiday h : year.holidays()) {
                Holiday previous = holidays.putIfAbsent(h.date(), h);
                if (previous != null) {
                    throw new CalendarConfigException(file.toString(), List.of("field holidays: " + h.date()
                            + " (" + h.name() + ") is already listed in another holiday file (" + previous.name()
                            + ")"));
                }
            }
        }
        return CalendarData.of(hours, holidays, years, incomplete);
    }

    /**
     * A digest of what {@link #load} reads: the hours file and every holiday file of the directory, their names and
     * contents. It tells cheaply whether the files changed since they were loaded; a file that cannot be read gives a
     * digest of its own, so that the next load reports the problem.
     */
    public String fingerprint(CalendarProperties properties) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        List<Path> files = new ArrayList<>();
        files.add(properties.resolvedHoursFile());
        if (Files.isDirectory(properties.directory())) {
            try (Stream<Path> s = Files.list(properties.directory())) {
                s.filter(p -> HOLIDAY_FILE.matcher(p.getFileName().toString()).matches()).sorted().forEach(files::add);
            } catch (IOException e) {
                sha.update(("unlistable directory: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
        }
        for (Path file : files) {
            sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try {
                sha.update(Files.readAllBytes(file));
            } catch (IOException e) {
                sha.update(("unreadable: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * One year's holidays as read from a file.
     *
     * @param complete false when the file says {@code complete: false}: the days that are certain are listed, the
     *     rest (the year's SKB 3 Menteri) not yet
     */
    public record HolidayYear(int year, String source, boolean complete, List<Holiday> holidays) {}

    public List<Path> holidayFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CalendarConfigException(directory.toString(),
                    List.of("the calendar directory (pintu.calendar.directory) does not exist"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> HOLIDAY_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new CalendarConfigException(directory.toString(), List.of("cannot list: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new CalendarConfigException(directory.toString(), List.of("no holidays-YYYY.yaml found; an office "
                    + "calendar without holidays would count national holidays as working days"));
        }
        return files;
    }

    public OfficeHours loadHours(Path file) {
        HoursFile raw = bind(file, HoursFile.class);
        List<String> problems = new ArrayList<>();
        ZoneId zone = DEFAULT_ZONE;
        if (raw.zone() != null) {
            try {
                zone = ZoneId.of(raw.zone());
            } catch (DateTimeException e) {
                problems.add("field zone: '" + raw.zone() + "' is not a time zone such as Asia/Jakarta");
            }
        }
        Map<DayOfWeek, DaySchedule> week = week("week", raw.week(), problems);
        if (raw.week() == null || raw.week().isEmpty()) {
            problems.add("field week: at least one working weekday is required");
        }
        List<SpecialPeriod> periods = new ArrayList<>();
        List<PeriodEntry> rawPeriods = raw.specialPeriods() == null ? List.of() : raw.specialPeriods();
        for (int i = 0; i < rawPeriods.size(); i++) {
            String at = "specialPeriods[" + i + "]";
            PeriodEntry p = rawPeriods.get(i);
            if (p == null) {
                problems.add("field " + at + ": empty entry");
                continue;
            }
            if (p.name() == null || p.name().isBlank()) {
                problems.add("field " + at + ".name: must not be blank");
            }
            LocalDate from = date(at + ".from", p.from(), problems);
            LocalDate to = date(at + ".to", p.to(), problems);
            if (p.week() == null || p.week().isEmpty()) {
                problems.add("field " + at + ".week: a special period must give the hours of at least one weekday");
            }
            Map<DayOfWeek, DaySchedule> pWeek = week(at + ".week", p.week(), problems);
            if (from == null || to == null) {
                continue;
            }
            if (to.isBefore(from)) {
                problems.add("field " + at + ".to: " + to + " is before from " + from);
                continue;
            }
            SpecialPeriod period = new SpecialPeriod(p.name(), from, to, pWeek);
            for (SpecialPeriod other : periods) {
                if (!period.from().isAfter(other.to()) && !other.from().isAfter(period.to())) {
                    problems.add("field " + at + ": " + from + ".." + to + " overlaps period '" + other.name()
                            + "' " + other.from() + ".." + other.to());
                }
            }
            periods.add(period);
        }
        if (!problems.isEmpty()) {
            throw new CalendarConfigException(file.toString(), problems);
        }
        return new OfficeHours(zone, Boolean.TRUE.equals(raw.ignoreHolidays()), week, periods);
    }

    public HolidayYear loadHolidays(Path file) {
        HolidayFile raw = bind(file, HolidayFile.class);
        List<String> problems = new ArrayList<>();
        if (raw.year() == null) {
            problems.add("field year: required (the year this file lists)");
        } else {
            Matcher m = YEAR_IN_NAME.matcher(file.getFileName().toString());
            if (m.matches() && Integer.parseInt(m.group(1)) != raw.year()) {
                problems.add("field year: " + raw.year() + " does not match the file name");
            }
        }
        if (raw.holidays() == null || raw.holidays().isEmpty()) {
            problems.add("field holidays: a non-empty list is required");
        }
        List<Holiday> holidays = new ArrayList<>();
        Map<LocalDate, String> seen = new LinkedHashMap<>();
        List<HolidayEntry> entries = raw.holidays() == null ? List.of() : raw.holidays();
        for (int i = 0; i < entries.size(); i++) {
            String at = "holidays[" + i + "]";
            HolidayEntry e = entries.get(i);
            if (e == null) {
                problems.add("field " + at + ": empty entry");
                continue;
            }
            LocalDate date = date(at + ".date", e.date(), problems);
            if (e.name() == null || e.name().isBlank()) {
                problems.add("field " + at + ".name: must not be blank");
            }
            if (e.type() == null) {
                problems.add("field " + at + ".type: required (LIBUR_NASIONAL, CUTI_BERSAMA or LIBUR_DAERAH)");
            }
            if (date == null) {
                continue;
            }
            if (raw.year() != null && date.getYear() != raw.year()) {
                problems.add("field " + at + ".date: " + date + " is not in " + raw.year());
            }
            String previous = seen.putIfAbsent(date, e.name());
            if (previous != null) {
                problems.add("field " + at + ".date: " + date + " is listed twice (also as " + previous + ")");
            }
            holidays.add(new Holiday(date, e.name(), e.type()));
        }
        if (!problems.isEmpty()) {
            throw new CalendarConfigException(file.toString(), problems);
        }
        return new HolidayYear(raw.year(), raw.source(), !Boolean.FALSE.equals(raw.complete()), holidays);
    }

    private Map<DayOfWeek, DaySchedule> week(String at, Map<DayOfWeek, DayEntry> raw, List<String> problems) {
        Map<DayOfWeek, DaySchedule> week = new EnumMap<>(DayOfWeek.class);
        if (raw == null) {
            return week;
        }
        raw.forEach((day, entry) -> {
            String field = at + "." + day;
            if (entry == null) {
                problems.add("field " + field + ": give open and close, or leave the weekday out to close it");
                return;
            }
            Integer open = time(field + ".open", entry.open(), problems);
            Integer close = time(field + ".close", entry.close(), problems);
            if (open == null || close == null) {
                return;
            }
            if (open >= close) {
                problems.add("field " + field + ".close: " + entry.close() + " is not after open " + entry.open());
                return;
            }
            TimeRange hours = new TimeRange(open, close);
            List<TimeRange> breaks = new ArrayList<>();
            List<BreakEntry> rawBreaks = entry.breaks() == null ? List.of() : entry.breaks();
            boolean valid = true;
            for (int i = 0; i < rawBreaks.size(); i++) {
                String b = field + ".breaks[" + i + "]";
                BreakEntry br = rawBreaks.get(i);
                Integer from = br == null ? null : time(b + ".from", br.from(), problems);
                Integer to = br == null ? null : time(b + ".to", br.to(), problems);
                if (from == null || to == null) {
                    valid = false;
                } else if (from >= to) {
                    problems.add("field " + b + ".to: " + br.to() + " is not after from " + br.from());
                    valid = false;
                } else if (from < open || to > close) {
                    problems.add("field " + b + ": " + br.from() + "-" + br.to() + " is outside the hours "
                            + hours);
                    valid = false;
                } else {
                    breaks.add(new TimeRange(from, to));
                }
            }
            if (!valid) {
                return;
            }
            try {
                week.put(day, DaySchedule.of(hours, breaks));
            } catch (IllegalArgumentException e) {
                problems.add("field " + field + ".breaks: " + e.getMessage());
            }
        });
        return week;
    }

    /** Minutes after midnight for "HH:mm"; "24:00" is allowed as a closing time so a day can run to midnight. */
    private static Integer time(String field, String value, List<String> problems) {
        if (value == null) {
            problems.add("field " + field + ": required (HH:mm)");
            return null;
        }
        Matcher m = TIME.matcher(value.trim());
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if ((h < 24 && min < 60) || (h == 24 && min == 0)) {
                return h * 60 + min;
            }
        }
        problems.add("field " + field + ": '" + value + "' is not a time HH:mm (00:00 to 24:00)");
        return null;
    }

    private static LocalDate date(String field, String value, List<String> problems) {
        if (value == null) {
            problems.add("field " + field + ": required (YYYY-MM-DD)");
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add("field " + field + ": '" + value + "' is not a date YYYY-MM-DD");
            return null;
        }
    }

    private <T> T bind(Path file, Class<T> type) {
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new CalendarConfigException(file.toString(), List.of("not readable as YAML: " + firstLine(e)));
        }
        if (root == null || !root.isObject()) {
            throw new CalendarConfigException(file.toString(), List.of("the file is empty or not a YAML mapping"));
        }
        try {
            return yaml.treeToValue(root, type);
        } catch (JsonMappingException e) {
            throw new CalendarConfigException(file.toString(), List.of("field " + path(e) + ": " + firstLine(e)));
        } catch (IOException e) {
            throw new CalendarConfigException(file.toString(), List.of(firstLine(e)));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "(root)" : field.toString();
    }

    private static String firstLine(Exception e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field; the fields here are " + u.getKnownPropertyIds();
        }
        String message = e instanceof JsonMappingException jme ? jme.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return nl > 0 ? message.substring(0, nl) : message;
    }
}
