package id.pintu.sla;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.calendar.CalendarChange;
import id.pintu.calendar.CalendarConfigException;
import id.pintu.calendar.CalendarProperties;
import id.pintu.calendar.Holiday;
import id.pintu.calendar.OfficeCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a changed calendar in force while the hub runs: the route {@code calendar-reload} looks at the files every
 * {@code pintu.calendar.check-interval}, and {@code POST /api/admin/calendar/reload} does it at once. When holidays or
 * hours changed, every open task gets the due date the new calendar gives it ({@link DueDateRevision}), and the change
 * goes to the audit trail. Each hub reloads its own copy of the files; hubs on one database revise the same tasks
 * once between them.
 *
 * <p>A file the office cannot run on leaves the calendar in force as it was; the problem is logged once and shown by
 * {@code GET /api/admin/calendar} until the file is mended. The revision runs at once after a change and again at the
 * next check: the second pass catches a task whose due date was computed a moment before the change and committed
 * after the first pass read it (back to back, the two passes were milliseconds apart, and such a task kept the old
 * date for good); if the database fails meanwhile, the next check carries on with it.
 *
 * <p>The database records which files the open tasks were last revised for ({@link CalendarRevisionRecord}): a hub
 * that starts on other files (edited while every hub was stopped, the SKB's cuti bersama entered before a restart)
 * revises them at its first check. Before, the files read at start-up were simply in force and every open task kept
 * the old calendar's due date: breaches a working day early, a clarification closed as abandoned a day early.
 */
@Component
public class CalendarReload {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarReload.class);

    /** What the last reload did, for the API: the change, the tasks moved, by whom and when. */
    public record Outcome(boolean changed, Instant at, String by, String summary, List<Holiday> added,
            List<Holiday> removed, List<Holiday> renamed, boolean hoursChanged, DueDateRevision.Result tasks) {}

    private final OfficeCalendar calendar;
    private final DueDateRevision revision;
    private final AuditTrail audit;
    private final Clock clock;

    private final CalendarRevisionRecord record;
    private final List<CalendarChange> unrevised = new ArrayList<>();
    private int passesDue;
    /** Whether the record of the files last revised for was compared with this hub's since its start. */
    private boolean recordChecked;
    /** Whether the route {@code calendar-reload} checks the files (check-interval above 0). */
    private final boolean checksRun;
    /** Files seen changed at the last check, put in force if they are the same at the next. */
    private String settling;
    /** The files revised for were other than those in force when this hub started. */
    private boolean startedOnOtherFiles;
    private volatile Outcome last;
    private volatile String problem;

    public CalendarReload(OfficeCalendar calendar, DueDateRevision revision, AuditTrail audit, Clock clock,
            CalendarRevisionRecord record, CalendarProperties properties) {
        this.checksRun = !properties.checkInterval().isZero() && !properties.checkInterval().isNegative();
        this.calendar = calendar;
        this.record = record;
        this.revision = revision;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Called by the route {@code calendar-reload}; files that cannot be used are logged once (see reload). Files that
     * changed are put in force once they have stayed the same from one check to the next: a file being uploaded or
     * written in place was read half written (a valid but shorter list of holidays) and put in force at once.
     * {@code POST /api/admin/calendar/reload} puts them in force at once.
     */
    public void check() {
        String onDisk = calendar.filesFingerprint();
        synchronized (this) {
            if (!onDisk.equals(calendar.fingerprint()) && !onDisk.equals(settling)) {
                settling = onDisk;
                return;
            }
            settling = null;
        }
        try {
            reload("calendar-check", onDisk);
        } catch (CalendarConfigException e) {
            // The calendar in force stays; the problem is shown by GET /api/admin/calendar until mended.
        }
    }

    /**
     * Reads the files again if they changed and revises the open tasks' due dates if that moves them. Throws
     * {@link CalendarConfigException} for a file the office cannot run on (the calendar in force stays).
     */
    public Outcome reload(String by) {
        return reload(by, calendar.filesFingerprint());
    }

    /** The same, for files whose fingerprint was just read (the check reads them once). */
    private synchronized Outcome reload(String by, String onDisk) {
        Optional<CalendarChange> change;
        try {
            change = calendar.reloadIfChanged(onDisk);
        } catch (CalendarConfigException e) {
            if (!e.getMessage().equals(problem)) {
                LOG.warn("The calendar files changed but cannot be used; the calendar in force stays as it was. {}",
                        e.getMessage());
            }
            problem = e.getMessage();
            throw e;
        }
        problem = null;
        change.filter(c -> !c.isEmpty()).ifPresent(c -> {
            unrevised.add(c);
            if (c.movesDueDates()) {
                passesDue = 2;
            }
        });
        String inForce = calendar.contentFingerprint();
        Instant now = clock.instant();
        if (passesDue == 0 && !recordChecked) {
            // Once per start: hubs whose copies of the files differ (one edited before the other) would otherwise
            // revise the open tasks back and forth at every check; the last to start, or to see a change, wins
            Optional<String> revisedFor = record.fingerprint();
            recordChecked = true;
            if (!revisedFor.orElse("").equals(inForce)) {
                if (change.isPresent()) {
                    // a change seen here that moves no due date
                    record.store(inForce, now);
                } else {
                    // Files other than those the open tasks were last revised for, and no change seen here explains
                    // it: changed while the hub was stopped (reported), or the first start on this database (the
                    // tasks were made with these files, or before the record existed: reported if a task moves)
                    startedOnOtherFiles = revisedFor.isPresent();
                    passesDue = 2;
                }
            }
        }
        DueDateRevision.Result moved = DueDateRevision.Result.NONE;
        // The second pass at the next check; with no checks (check-interval 0) both now
        for (boolean first = true; passesDue > 0 && (first || !checksRun); first = false) {
            moved = moved.plus(revision.revise());
            passesDue--;
            if (passesDue == 0) {
                record.store(inForce, clock.instant());
            }
        }
        if (unrevised.isEmpty() && !startedOnOtherFiles && moved.later() + moved.earlier() == 0) {
            return new Outcome(false, now, by, change.isPresent()
                    ? "the calendar files changed, but no holiday or working hour did"
                    : "the calendar files are as they were", List.of(),
                    List.of(), List.of(), false, moved);
        }
        Outcome outcome = recorded(List.copyOf(unrevised), moved, by);
        unrevised.clear();
        startedOnOtherFiles = false;
        last = outcome;
        return outcome;
    }

    /** The last reload that changed something (null if none since start-up). */
    public Outcome last() {
        return last;
    }

    /** Why the files on disk are not in force, if they are not. */
    public String problem() {
        return problem;
    }

    private Outcome recorded(List<CalendarChange> changes, DueDateRevision.Result moved, String by) {
        if (changes.isEmpty()) {
            String summary = startedOnOtherFiles
                    ? "the calendar files in force are not those the open tasks were last revised for (changed"
                            + " while the hub was stopped)"
                    : "open tasks whose due dates the calendar in force moves (entered during the last change, or"
                            + " made before their due dates were recorded against the calendar files)";
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("summary", summary);
            after.put("holidayYears", calendar.data().holidayYears());
            after.put("tasksExamined", moved.examined());
            after.put("tasksLater", moved.later());
            after.put("tasksEarlier", moved.earlier());
            after.put("tasksSkipped", moved.skipped());
            audit.append(new AuditTrail.Record(by, AuditActions.CALENDAR_RELOADED, null, "calendar", null, after,
                    null));
            LOG.info("Calendar in force revised for ({}): {} open tasks examined, {} due later, {} due earlier",
                    summary, moved.examined(), moved.later(), moved.earlier());
            return new Outcome(true, clock.instant(), by, summary, List.of(), List.of(), List.of(), false, moved);
        }
        CalendarChange c = changes.get(changes.size() - 1);
        List<Holiday> added = new ArrayList<>();
        List<Holiday> removed = new ArrayList<>();
        List<Holiday> renamed = new ArrayList<>();
        boolean hours = false;
        for (CalendarChange each : changes) {
            added.addAll(each.added());
            removed.addAll(each.removed());
            renamed.addAll(each.renamed());
            hours |= each.hoursChanged();
        }
        String summary = changes.size() == 1 ? c.summary()
                : changes.size() + " changes: " + String.join("; ", changes.stream().map(CalendarChange::summary)
                        .toList());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("summary", summary);
        after.put("added", added);
        after.put("renamed", renamed);
        after.put("hoursChanged", hours);
        after.put("holidayYears", c.years());
        after.put("incompleteYears", c.incompleteYears());
        after.put("tasksExamined", moved.examined());
        after.put("tasksLater", moved.later());
        after.put("tasksEarlier", moved.earlier());
        after.put("tasksSkipped", moved.skipped());
        audit.append(new AuditTrail.Record(by, AuditActions.CALENDAR_RELOADED, null, "calendar",
                Map.of("removed", removed), after, null));
        LOG.info("Calendar change in force ({}): {} open tasks examined, {} due later, {} due earlier{}", summary,
                moved.examined(), moved.later(), moved.earlier(),
                moved.skipped() == 0 ? "" : ", " + moved.skipped() + " not revised (see the warnings above)");
        return new Outcome(true, clock.instant(), by, summary, added, removed, renamed, hours, moved);
    }
}
