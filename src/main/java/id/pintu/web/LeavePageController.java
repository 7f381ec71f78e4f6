package id.pintu.web;

import id.pintu.common.Texts;
import id.pintu.security.ActingOfficials;
import id.pintu.security.LeaveAndActing;
import id.pintu.security.StaffUser;
import id.pintu.security.UserDirectory;
import id.pintu.sla.StrandedClaims;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.WorkflowException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leave page ({@code /pegawai/cuti}): the head of office, the secretary and the head of general affairs (and
 * administrators) record that a member of staff is on leave or away on duty, and end it when they come back, and
 * appoint acting officials (Plt/Plh) for a role by the head of office's letter; the absences and appointments IT wrote
 * into the acting file are listed beside them ({@link LeaveAndActing}). While away a user holds no role: a leave that
 * begins today sends the tasks they hold back to their roles' inboxes at once, and an appointment that ends early
 * sends back the tasks the acting official held in that role.
 */
@Controller
class LeavePageController {

    /** How far back the page lists leave that is over. */
    static final int RECENT_DAYS = 90;

    private final LeaveAndActing leave;
    private final ActingOfficials acting;
    private final UserDirectory users;
    private final SopCatalog catalog;
    private final StrandedClaims stranded;
    private final WebFormat format;

    LeavePageController(LeaveAndActing leave, ActingOfficials acting, UserDirectory users, SopCatalog catalog,
            StrandedClaims stranded, WebFormat format) {
        this.leave = leave;
        this.acting = acting;
        this.users = users;
        this.catalog = catalog;
        this.stranded = stranded;
        this.format = format;
    }

    /** A member of staff as the page offers them: username, name and the roles they hold. */
    record Person(String username, String label) {}

    /** A line of the table of leave: recorded here (with its id) or from the acting file (no id). */
    record Row(String id, String user, String name, String roles, LocalDate from, LocalDate to, String kind,
            String note, String recordedBy, String recordedAt, boolean now, boolean fromFile) {}

    /** A line of the table of acting officials: recorded here (with its id) or from the acting file (no id). */
    record AppointmentRow(String id, String user, String name, String actor, String kind, LocalDate from, LocalDate to,
            String basis, String recordedBy, String recordedAt, boolean now, boolean fromFile) {}

    /** A staff actor as the appointment form offers it. */
    record Role(String id, String name) {}

    /** A refusal's message code and its arguments, the days written as the page writes them. */
    record Refusal(String key, Object[] args) {}

    @GetMapping("/pegawai/cuti")
    String page(Authentication auth, Model model) {
        requireManager(auth);
        LocalDate today = leave.today();
        List<Row> rows = new ArrayList<>();
        for (LeaveAndActing.Leave l : leave.current()) {
            rows.add(new Row(l.id(), l.user(), name(l.user()), roles(l.user()), l.from(), l.to(), l.kind(), l.note(),
                    l.recordedBy(), format.time(l.recordedAt()), !l.from().isAfter(today), false));
        }
        for (ActingOfficials.Absence a : acting.fileAbsences()) {
            if (!a.to().isBefore(today)) {
                rows.add(new Row(null, a.user(), name(a.user()), roles(a.user()), a.from(), a.to(), a.reason(), null,
                        null, null, !a.from().isAfter(today), true));
            }
        }
        rows.sort(Comparator.comparing(Row::from).thenComparing(Row::user));
        model.addAttribute("rows", rows);
        model.addAttribute("recent", leave.recent(RECENT_DAYS));
        model.addAttribute("recentDays", RECENT_DAYS);
        model.addAttribute("people", users.all().stream()
                .sorted(Comparator.comparing(StaffUser::username))
                .map(u -> new Person(u.username(), name(u.username()) + " (" + roles(u.username()) + ")"))
                .toList());
        model.addAttribute("kinds", leave.properties().kinds());
        model.addAttribute("maxDays", leave.properties().maxDays());
        model.addAttribute("maxNote", LeaveAndActing.MAX_NOTE);
        List<AppointmentRow> appointments = new ArrayList<>();
        for (LeaveAndActing.Appointment a : leave.currentAppointments()) {
            appointments.add(new AppointmentRow(a.id(), a.user(), name(a.user()), catalog.actorName(a.actor()),
                    format.actingKind(a.kind()), a.from(), a.to(), a.basis(), a.recordedBy(),
                    format.time(a.recordedAt()), !a.from().isAfter(today), false));
        }
        for (ActingOfficials.Appointment a : acting.fileAppointments()) {
            if (!a.to().isBefore(today)) {
                appointments.add(new AppointmentRow(null, a.user(), name(a.user()), catalog.actorName(a.actor()),
                        format.actingKind(a.kind()), a.from(), a.to(), a.basis(), null, null,
                        !a.from().isAfter(today), true));
            }
        }
        appointments.sort(Comparator.comparing(AppointmentRow::from).thenComparing(AppointmentRow::user));
        model.addAttribute("appointments", appointments);
        model.addAttribute("recentAppointments", leave.recentAppointments(RECENT_DAYS));
        model.addAttribute("roles", catalog.actors().values().stream().filter(a -> !catalog.isApplicant(a.id()))
                .map(a -> new Role(a.id(), a.name())).toList());
        model.addAttribute("actingKinds", LeaveAndActing.ACTING_KINDS);
        model.addAttribute("maxBasis", LeaveAndActing.MAX_BASIS);
        model.addAttribute("today", today);
        if (!model.containsAttribute("plhDraft")) {
            model.addAttribute("plhDraft", Map.of("dari", today.toString(), "sampai", today.toString(),
                    "jenis", LeaveAndActing.ACTING_KINDS.get(0)));
        }
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", Map.of("dari", today.toString(), "sampai", today.toString(),
                    "jenis", leave.properties().kinds().get(0)));
        }
        return "cuti";
    }

    @PostMapping("/pegawai/cuti")
    String record(@RequestParam(name = "pegawai", required = false) String user,
            @RequestParam(name = "dari", required = false) String from,
            @RequestParam(name = "sampai", required = false) String to,
            @RequestParam(name = "jenis", required = false) String kind,
            @RequestParam(name = "keterangan", required = false) String note, Authentication auth,
            RedirectAttributes flash) {
        requireManager(auth);
        try {
            LeaveAndActing.Recorded r = leave.record(user, day(from), day(to), kind, note, auth.getName());
            // A leave that begins today: the tasks the user holds go back to their roles' inboxes now
            stranded.check();
            flash.addFlashAttribute("notice", "leavePage.recorded");
            flash.addFlashAttribute("noticeArgs", new Object[] {r.leave().user(), format.date(r.leave().from()),
                    format.date(r.leave().to())});
            if (!r.unheldActors().isEmpty()) {
                flash.addFlashAttribute("unheld", r.unheldActors().stream().map(catalog::actorName).toList());
                flash.addFlashAttribute("unheldFrom", format.date(r.leave().from()));
                // The appointment form, ready for a Plh of the first such role for the days of the leave
                flash.addFlashAttribute("plhDraft", form("peran", r.unheldActors().get(0), "jenis", "PLH",
                        "dari", r.leave().from().toString(), "sampai", r.leave().to().toString()));
            }
            return "redirect:/pegawai/cuti#cuti-" + r.leave().id();
        } catch (LeaveAndActing.Refused e) {
            flash.addFlashAttribute("error", "leavePage.error.refused");
            flash.addFlashAttribute("refusals", refusals(e));
            flash.addFlashAttribute("draft", form("pegawai", user, "dari", from, "sampai", to, "jenis", kind,
                    "keterangan", note));
            return "redirect:/pegawai/cuti#catat-cuti";
        }
    }

    /** Ends a leave early (the user came back), or withdraws one that has not begun. */
    @PostMapping("/pegawai/cuti/{id}/akhiri")
    String end(@PathVariable String id, Authentication auth, RedirectAttributes flash) {
        requireManager(auth);
        try {
            LeaveAndActing.Leave ended = leave.end(id, auth.getName());
            stranded.check();
            flash.addFlashAttribute("notice", ended.withdrawn() ? "leavePage.withdrawn" : "leavePage.ended");
            flash.addFlashAttribute("noticeArgs", new Object[] {ended.user(), format.date(ended.to().plusDays(1))});
        } catch (LeaveAndActing.Refused e) {
            if (e.problems().get(0).code().equals("leavePage.error.notFound")) {
                throw WorkflowException.notFound("no leave " + id);
            }
            flash.addFlashAttribute("error", e.problems().get(0).code());
        }
        return "redirect:/pegawai/cuti";
    }

    @PostMapping("/pegawai/cuti/plh")
    String appoint(@RequestParam(name = "pegawai", required = false) String user,
            @RequestParam(name = "peran", required = false) String actor,
            @RequestParam(name = "jenis", required = false) String kind,
            @RequestParam(name = "dari", required = false) String from,
            @RequestParam(name = "sampai", required = false) String to,
            @RequestParam(name = "dasar", required = false) String basis, Authentication auth,
            RedirectAttributes flash) {
        requireManager(auth);
        try {
            LeaveAndActing.Appointment a = leave.appoint(user, actor, kind, day(from), day(to), basis, auth.getName());
            flash.addFlashAttribute("notice", "leavePage.appointed");
            flash.addFlashAttribute("noticeArgs", new Object[] {a.user(), format.actingKind(a.kind()),
                    catalog.actorName(a.actor()), format.date(a.from()), format.date(a.to())});
            MailNotice.told(users.emailOf(a.user()), a.user(), flash);
            return "redirect:/pegawai/cuti#plh-" + a.id();
        } catch (LeaveAndActing.Refused e) {
            flash.addFlashAttribute("error", "leavePage.error.notAppointed");
            flash.addFlashAttribute("plhRefusals", refusals(e));
            flash.addFlashAttribute("plhDraft", form("pegawai", user, "peran", actor, "jenis", kind, "dari", from,
                    "sampai", to, "dasar", basis));
            return "redirect:/pegawai/cuti#tunjuk-plh";
        }
    }

    /** Ends an appointment early (its tasks held in that role go back to the role's inbox), or withdraws it. */
    @PostMapping("/pegawai/cuti/plh/{id}/akhiri")
    String endAppointment(@PathVariable String id, Authentication auth, RedirectAttributes flash) {
        requireManager(auth);
        try {
            LeaveAndActing.Appointment ended = leave.endAppointment(id, auth.getName());
            stranded.check();
            flash.addFlashAttribute("notice", ended.withdrawn() ? "leavePage.appointmentWithdrawn"
                    : "leavePage.appointmentEnded");
            flash.addFlashAttribute("noticeArgs", new Object[] {ended.user(), format.actingKind(ended.kind()),
                    catalog.actorName(ended.actor()), format.date(ended.to().plusDays(1))});
            MailNotice.told(users.emailOf(ended.user()), ended.user(), flash);
        } catch (LeaveAndActing.Refused e) {
            if (e.problems().get(0).code().equals("leavePage.error.notFound")) {
                throw WorkflowException.notFound("no appointment " + id);
            }
            flash.addFlashAttribute("error", e.problems().get(0).code());
        }
        return "redirect:/pegawai/cuti#plh-berjalan";
    }

    /** A form's values as typed (field, value, field, value, ...), to show it again; a missing value is empty. */
    private static Map<String, String> form(String... fieldsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1] == null ? "" : fieldsAndValues[i + 1]);
        }
        return values;
    }

    private List<Refusal> refusals(LeaveAndActing.Refused e) {
        return e.problems().stream().map(p -> new Refusal(p.code(), p.args().stream()
                .map(a -> a instanceof LocalDate d ? format.date(d) : a).toArray())).toList();
    }

    /** A day from the form; one that cannot be read counts as missing (the refusal says the days are needed). */
    private static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            return Texts.ofRecords(day) ? day : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String roles(String username) {
        return users.find(username).map(u -> String.join(", ", u.actors().stream().map(catalog::actorName).toList()))
                .orElse("-");
    }

    private void requireManager(Authentication auth) {
        if (!leave.mayManage(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not record staff leave");
        }
    }

    private String name(String username) {
        return users.nameOf(username);
    }
}
