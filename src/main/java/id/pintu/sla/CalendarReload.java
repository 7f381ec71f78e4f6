package id.pintu.sla;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.calendar.CalendarChange;
import id.pintu.calendar.CalendarConfigException;
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
 * {@code GET /api/admin/calendar} until the file is mended. The revision runs twice after a change (the second pass
 * catches a task that entered its inbox while the first ran, its due date computed a moment before the change); if
 * the database fails meanwhile, the next check carries on with it.
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

    private final List<CalendarChange> unrevised = new ArrayList<>();
    private int passesDue;
    private volatile Outcome last;
    private volatile String problem;

    public CalendarReload(OfficeCalendar calendar, DueDateRevision revision, AuditTrail audit, Clock clock) {
        this.calendar = calendar;
        this.revision = revision;
        this.audit = audit;
        this.clock = clock;
    }

    /** Called by the route {@code calendar-reload}; files that cannot be used are logged once (see reload). */
    public void check() {
        try {
            reload("calendar-check");
        } catch (CalendarConfigException e) {
            // The calendar in force stays; the problem is shown by GET /api/admin/calendar until mended.
        }
    }

    /**
     * Reads the files again if they changed and revises the open tasks' due dates if that moves them. Throws
     * {@link CalendarConfigException} for a file the office cannot run on (the calendar in force stays).
     */
    public synchronized Outcome reload(String by) {
        Optional<CalendarChange> change;
        try {
            change = calendar.reloadIfChanged();
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
        if (unrevised.isEmpty()) {
            return new Outcome(false, clock.instant(), by, change.isPresent()
                    ? "the calendar files changed, but no holiday or working hour did"
                    : "the calendar files are as they were", List.of(),
                    List.of(), List.of(), false, DueDateRevision.Result.NONE);
        }
        DueDateRevision.Result moved = DueDateRevision.Result.NONE;
        for (; passesDue > 0; passesDue--) {
            moved = moved.plus(revision.revise());
        }
        Outcome outcome = recorded(List.copyOf(unrevised), moved, by);
        unrevised.clear();
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
