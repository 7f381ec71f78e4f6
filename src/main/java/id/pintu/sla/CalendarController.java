package id.pintu.sla;

import id.pintu.calendar.CalendarConfigException;
import id.pintu.calendar.CalendarData;
import id.pintu.calendar.CalendarProperties;
import id.pintu.calendar.Holiday;
import id.pintu.calendar.OfficeCalendar;
import id.pintu.workflow.WorkflowException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office calendar for IT (admin only, see SecurityConfig: /api/admin/**): what is in force, and a reload of its
 * files without a restart.
 */
@RestController
@RequestMapping("/api/admin/calendar")
class CalendarController {

    /**
     * @param gaps this year, and next year within {@code pintu.calendar.next-year-notice}, if its holidays are not all
     *     on record (no file, or {@code complete: false})
     */
    record CalendarView(String directory, String hoursFile, String zone, boolean holidaysIgnored,
            SortedSet<Integer> holidayYears, SortedSet<Integer> incompleteYears, List<OfficeCalendar.Gap> gaps,
            List<Holiday> holidays, String checkInterval, CalendarReload.Outcome lastReload, String problem) {}

    private final OfficeCalendar calendar;
    private final CalendarReload reload;
    private final CalendarProperties properties;
    private final Clock clock;

    CalendarController(OfficeCalendar calendar, CalendarReload reload, CalendarProperties properties, Clock clock) {
        this.calendar = calendar;
        this.reload = reload;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    CalendarView inForce() {
        CalendarData data = calendar.data();
        List<Holiday> holidays = data.holidays().values().stream().sorted(Comparator.comparing(Holiday::date))
                .toList();
        return new CalendarView(properties.directory().toString(), properties.resolvedHoursFile().toString(),
                data.hours().zone().getId(), data.hours().ignoreHolidays(), data.holidayYears(), data.incompleteYears(),
                calendar.gaps(clock.instant()), holidays, properties.checkInterval().toString(), reload.last(),
                reload.problem());
    }

    /** Reads the files now; 422 with the file's problems if the office cannot run on them (nothing changes then). */
    @PostMapping("/reload")
    CalendarReload.Outcome reload(Authentication auth) {
        try {
            return reload.reload(auth.getName());
        } catch (CalendarConfigException e) {
            throw WorkflowException.unprocessable(e.getMessage());
        }
    }
}
