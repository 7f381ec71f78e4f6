package id.pintu.security;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.common.TimeOrderedIds;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff leave and acting officials recorded in the hub (the leave page {@code /pegawai/cuti}) rather than in the
 * acting file: the head of office, the secretary or the head of general affairs records that a member of staff is on
 * leave or away on duty from one day to another, appoints a Plt or Plh for a role by the head of office's letter, and
 * ends either early. A leave does exactly what an absence in the acting file does ({@link ActingOfficials#absences}):
 * for its days the user holds no role, the tasks they hold go back to their roles' inboxes, nobody hands them work,
 * the dashboard names a role nobody present holds. An appointment gives the user the actor's role for its days
 * besides their own ({@link ActingOfficials#all}).
 *
 * <p>Refused, with every reason at once: someone not in the users file, a kind of leave the office does not know, a
 * period that ends before it begins, has ended already or is longer than {@code pintu.leave.max-days}; a leave on
 * days the user is already away (in the file or here) or appointed acting official (someone away cannot act for
 * another); an appointment to a role that is not a staff actor or that the user holds already, without its letter,
 * on days the user is away, or overlapping another appointment of the user to that role. Each change is an audit
 * entry ({@code STAFF_LEAVE_RECORDED}, {@code STAFF_LEAVE_ENDED}, {@code ACTING_APPOINTED}, {@code ACTING_ENDED}) by
 * the one who made it. Every hub reads what is in force from the database every {@code pintu.security.check-interval}
 * (route {@code leave-and-acting-refresh}) and at once after a change of its own; a leave or an appointment is checked
 * and recorded under a lock all hubs share (table {@code staff_period_lock}), against what the database holds then,
 * so that two hubs cannot record overlapping periods for the same person.
 */
@Component("leaveAndActing")
@EnableConfigurationProperties(LeaveProperties.class)
public class LeaveAndActing {

    private static final Logger LOG = LoggerFactory.getLogger(LeaveAndActing.class);
    /** The longest note (the letter granting the leave, where the user can be reached). */
    public static final int MAX_NOTE = 300;

    /**
     * One leave as recorded.
     *
     * @param to the last day away: the planned one, or the day before the user came back when it was ended early
     * @param plannedTo the last day as recorded
     * @param endedBy who ended it early or withdrew it
     * @param withdrawnAt set when it was withdrawn before it began (it never took effect)
     */
    public record Leave(String id, String user, LocalDate from, LocalDate to, LocalDate plannedTo, String kind,
            String note, String recordedBy, Instant recordedAt, String endedBy, Instant endedAt, Instant withdrawnAt) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }

        public boolean endedEarly() {
            return endedAt != null && withdrawnAt == null;
        }

        public long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }

        ActingOfficials.Absence absence() {
            return new ActingOfficials.Absence(user, from, to, kind);
        }
    }

    /**
     * One appointment of an acting official as recorded.
     *
     * @param kind {@code PLT} or {@code PLH}
     * @param basis the head of office's letter (Surat Perintah) that appoints them
     */
    public record Appointment(String id, String user, String actor, String kind, LocalDate from, LocalDate to,
            LocalDate plannedTo, String basis, String recordedBy, Instant recordedAt, String endedBy, Instant endedAt,
            Instant withdrawnAt) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }

        public boolean endedEarly() {
            return endedAt != null && withdrawnAt == null;
        }

        ActingOfficials.Appointment appointment() {
            return new ActingOfficials.Appointment(user, actor, kind, from, to, basis);
        }
    }

    /** The kinds of acting official: Pelaksana Tugas and Pelaksana Harian. */
    public static final List<String> ACTING_KINDS = List.of("PLH", "PLT");
    /** The longest letter reference of an appointment. */
    public static final int MAX_BASIS = 300;

    /** Why a leave is refused: a message code of the leave page and its arguments. */
    public record Problem(String code, List<Object> args) {

        static Problem of(String code, Object... args) {
            return new Problem(code, List.of(args));
        }
    }

    /** A leave that cannot be recorded or ended, with every reason. */
    public static final class Refused extends RuntimeException {

        private final transient List<Problem> problems;

        Refused(List<Problem> problems) {
            super(problems.stream().map(p -> p.code() + p.args()).toList().toString());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** A leave recorded, and the actors (ids) that nobody present holds on its first day because of it. */
    public record Recorded(Leave leave, List<String> unheldActors) {}

    private static final String COLUMNS = "id, username, first_day, last_day, planned_last_day, kind, note,"
            + " recorded_by, recorded_at, ended_by, ended_at, withdrawn_at";

    private static final RowMapper<Leave> LEAVE = LeaveAndActing::map;
    private static final String APPOINTMENT_COLUMNS = "id, username, actor, kind, first_day, last_day,"
            + " planned_last_day, basis, recorded_by, recorded_at, ended_by, ended_at, withdrawn_at";
    private static final RowMapper<Appointment> APPOINTMENT = LeaveAndActing::mapAppointment;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final UserDirectory users;
    private final ActingOfficials acting;
    private final SopCatalog catalog;
    private final LeaveProperties properties;
    private final ActingProperties zone;
    private final ActingNotices notices;
    private final Clock clock;

    public LeaveAndActing(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, UserDirectory users,
            ActingOfficials acting, SopCatalog catalog, LeaveProperties properties, ActingProperties zone,
            ActingNotices notices, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.users = users;
        this.acting = acting;
        this.catalog = catalog;
        this.properties = properties;
        this.zone = zone;
        this.notices = notices;
        this.clock = clock;
        try {
            refresh();
        } catch (RuntimeException e) {
            // The database away at start-up: the route leave-and-acting-refresh reads the leave once it is back
            LOG.warn("Staff leave and Plt/Plh not read at start-up ({}); the route leave-and-acting-refresh reads"
                    + " them at its next run", e.toString());
        }
    }

    public LocalDate today() {
        return clock.instant().atZone(zone.zone()).toLocalDate();
    }

    /** Whether the user may record and end leave: a manager's role (own or acting today) or an administrator. */
    public boolean mayManage(Authentication auth) {
        Caller caller = Callers.of(auth);
        return properties.managers().stream().anyMatch(caller::holds)
                || Callers.admin(auth);
    }

    public LeaveProperties properties() {
        return properties;
    }

    /**
     * Reads the leave and the appointments in force and to come, and puts them in force on this hub (route
     * {@code leave-and-acting-refresh}).
     */
    public synchronized void refresh() {
        acting.useRecorded(current().stream().map(Leave::absence).toList(),
                currentAppointments().stream().map(Appointment::appointment).toList());
    }

    /** The leave in force and to come (not withdrawn, last day today or later), by first day. */
    public List<Leave> current() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_leave WHERE last_day >= ? AND withdrawn_at IS NULL"
                        + " ORDER BY first_day, username")
                .param(today())
                .query(LEAVE).list();
    }

    /** The leave of the last {@code days} days that is over, ended early or withdrawn, latest first. */
    public List<Leave> recent(int days) {
        LocalDate today = today();
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_leave WHERE planned_last_day >= ?"
                        + " AND (last_day < ? OR withdrawn_at IS NOT NULL) ORDER BY first_day DESC, username")
                .params(today.minusDays(days), today)
                .query(LEAVE).list();
    }

    public Optional<Leave> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_leave WHERE id = ?").param(id).query(LEAVE).optional();
    }

    /**
     * Records a leave; throws {@link Refused} with every reason it cannot be. The leave is in force on this hub when
     * this returns (the others read it within their check interval).
     */
    public synchronized Recorded record(String user, LocalDate from, LocalDate to, String kind, String note,
            String by) {
        String text = note == null || note.isBlank() ? null : note.strip();
        Instant now = clock.instant();
        Leave leave = new Leave(TimeOrderedIds.next(now), user, from, to, to, kind, text, by, now, null, null, null);
        tx.executeWithoutResult(s -> {
            refuseUnless(() -> problems(user, from, to, kind, text));
            jdbc.sql("INSERT INTO staff_leave (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)")
                    .params(leave.id(), user, from, to, to, kind, text, by, Timestamp.from(now))
                    .update();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("from", from.toString());
            after.put("to", to.toString());
            after.put("kind", kind);
            if (text != null) {
                after.put("note", text);
            }
            audit.append(new AuditTrail.Record(by, AuditActions.STAFF_LEAVE_RECORDED, null, user, null, after,
                    null));
        });
        refresh();
        LOG.info("Leave of {} recorded by {}: {} to {} ({})", user, by, from, to, kind);
        return new Recorded(leave, unheldOn(user, from));
    }

    /**
     * Ends a leave early: one that has not begun (or begins today) is withdrawn and never takes effect; one that began
     * before today ends yesterday, so the user holds their roles again from today.
     */
    public synchronized Leave end(String id, String by) {
        Leave leave = find(id).orElseThrow(() -> new Refused(List.of(Problem.of("leavePage.error.notFound"))));
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("kind", leave.kind());
        endPeriod("staff_leave", id, leave.user(), leave.from(), leave.to(), leave.withdrawn(), before,
                AuditActions.STAFF_LEAVE_ENDED, by, (withdraw, last) -> { });
        return find(id).orElseThrow();
    }

    /** The appointments in force and to come (not withdrawn, last day today or later), by first day. */
    public List<Appointment> currentAppointments() {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM acting_appointment WHERE last_day >= ?"
                        + " AND withdrawn_at IS NULL ORDER BY first_day, username")
                .param(today())
                .query(APPOINTMENT).list();
    }

    /** The appointments of the last {@code days} days that are over, ended early or withdrawn, latest first. */
    public List<Appointment> recentAppointments(int days) {
        LocalDate today = today();
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM acting_appointment WHERE planned_last_day >= ?"
                        + " AND (last_day < ? OR withdrawn_at IS NOT NULL) ORDER BY first_day DESC, username")
                .params(today.minusDays(days), today)
                .query(APPOINTMENT).list();
    }

    public Optional<Appointment> findAppointment(String id) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM acting_appointment WHERE id = ?").param(id)
                .query(APPOINTMENT).optional();
    }

    /**
     * Appoints {@code user} acting official ({@code PLT} or {@code PLH}) for {@code actor} from one day to another by
     * the letter {@code basis}; throws {@link Refused} with every reason it cannot be. In force on this hub when this
     * returns: a member of staff signed in is signed out at their next page and finds the role at the next login.
     */
    public synchronized Appointment appoint(String user, String actor, String kind, LocalDate from, LocalDate to,
            String basis, String by) {
        String letter = basis == null || basis.isBlank() ? null : basis.strip();
        Instant now = clock.instant();
        Appointment a = new Appointment(TimeOrderedIds.next(now), user, actor, kind, from, to, to, letter, by, now,
                null, null, null);
        tx.executeWithoutResult(s -> {
            refuseUnless(() -> appointmentProblems(user, actor, kind, from, to, letter, by));
            jdbc.sql("INSERT INTO acting_appointment (" + APPOINTMENT_COLUMNS + ")"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)")
                    .params(a.id(), user, actor, kind, from, to, to, letter, by, Timestamp.from(now))
                    .update();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("actor", actor);
            after.put("kind", kind);
            after.put("from", from.toString());
            after.put("to", to.toString());
            after.put("basis", letter);
            audit.append(new AuditTrail.Record(by, AuditActions.ACTING_APPOINTED, null, user, null, after, null));
            notices.appointed(a);
        });
        refresh();
        LOG.info("{} appointed {} of {} by {}: {} to {} ({})", user, kind, actor, by, from, to, letter);
        return a;
    }

    /** Ends an appointment early, or withdraws one that has not begun, as {@link #end} does a leave. */
    public synchronized Appointment endAppointment(String id, String by) {
        Appointment a = findAppointment(id)
                .orElseThrow(() -> new Refused(List.of(Problem.of("leavePage.error.notFound"))));
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("actor", a.actor());
        before.put("kind", a.kind());
        endPeriod("acting_appointment", id, a.user(), a.from(), a.to(), a.withdrawn(), before,
                AuditActions.ACTING_ENDED, by, (withdraw, last) -> notices.ended(a, withdraw, last, by));
        return findAppointment(id).orElseThrow();
    }

    /**
     * Ends a period of {@code table} (leave or appointment): one that has not begun (or begins today) is withdrawn and
     * never takes effect; one that began before today ends yesterday. A conditional update, so that of two people
     * ending it at once one does and the other is told it changed. {@code alsoDone} runs in the same transaction with
     * whether it was withdrawn and the last day it now has.
     */
    private void endPeriod(String table, String id, String user, LocalDate from, LocalDate to, boolean withdrawn,
            Map<String, Object> what, String action, String by, BiConsumer<Boolean, LocalDate> alsoDone) {
        LocalDate today = today();
        if (withdrawn || to.isBefore(today)) {
            throw new Refused(List.of(Problem.of("leavePage.error.over")));
        }
        Instant now = clock.instant();
        boolean withdraw = !from.isBefore(today);
        LocalDate last = withdraw ? to : today.minusDays(1);
        Boolean done = tx.execute(s -> {
            int updated = jdbc.sql("UPDATE " + table + " SET last_day = ?, ended_by = ?, ended_at = ?,"
                            + " withdrawn_at = ? WHERE id = ? AND last_day = ? AND withdrawn_at IS NULL")
                    .params(last, by, Timestamp.from(now), withdraw ? Timestamp.from(now) : null, id, to)
                    .update();
            if (updated != 1) {
                return false;
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("from", from.toString());
            before.put("to", to.toString());
            before.putAll(what);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("from", from.toString());
            if (!withdraw) {
                after.put("to", last.toString());
            }
            after.put("withdrawn", withdraw);
            audit.append(new AuditTrail.Record(by, action, null, user, before, after, null));
            alsoDone.accept(withdraw, last);
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            throw new Refused(List.of(Problem.of("leavePage.error.changed")));
        }
        refresh();
        LOG.info("{} of {} ({} to {}) {} by {}", table, user, from, to,
                withdraw ? "withdrawn" : "ended early, over from " + today, by);
    }

    /**
     * Within a recording's transaction: takes the lock every hub takes to record a period (V88), reads what is recorded
     * now (another hub's leave of a moment ago included, which this hub's view gets only at its next refresh) and
     * throws {@link Refused} when {@code check}, run on that, finds something wrong. The insert that follows in the
     * same transaction is what the next hub to take the lock reads.
     */
    private void refuseUnless(Supplier<List<Problem>> check) {
        jdbc.sql("SELECT id FROM staff_period_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
        refresh();
        List<Problem> problems = check.get();
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
    }

    private List<Problem> problems(String user, LocalDate from, LocalDate to, String kind, String note) {
        List<Problem> problems = new ArrayList<>();
        if (user == null || users.find(user).isEmpty()) {
            problems.add(Problem.of("leavePage.error.user", String.valueOf(user)));
        }
        if (kind == null || !properties.kinds().contains(kind)) {
            problems.add(Problem.of("leavePage.error.kind", String.valueOf(kind)));
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(Problem.of("leavePage.error.note", MAX_NOTE));
        }
        if (!periodProblems(from, to, problems) || user == null) {
            return problems;
        }
        for (ActingOfficials.Absence a : acting.absences()) {
            if (a.user().equals(user) && a.overlaps(from, to)) {
                problems.add(Problem.of("leavePage.error.away", user, a.from(), a.to(),
                        a.reason() == null ? "-" : a.reason()));
            }
        }
        for (ActingOfficials.Appointment p : acting.all()) {
            if (p.user().equals(user) && !to.isBefore(p.from()) && !from.isAfter(p.to())) {
                problems.add(Problem.of("leavePage.error.acting", user, catalog.actorName(p.actor()), p.from(),
                        p.to()));
            }
        }
        return problems;
    }

    /** Adds what is wrong with the days; whether they can be compared with other periods (both there, in order). */
    private boolean periodProblems(LocalDate from, LocalDate to, List<Problem> problems) {
        if (from == null || to == null) {
            problems.add(Problem.of("leavePage.error.days"));
            return false;
        }
        if (to.isBefore(from)) {
            problems.add(Problem.of("leavePage.error.reversed", to, from));
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > properties.maxDays()) {
            problems.add(Problem.of("leavePage.error.tooLong", ChronoUnit.DAYS.between(from, to) + 1,
                    properties.maxDays()));
        }
        if (to.isBefore(today())) {
            problems.add(Problem.of("leavePage.error.past", to));
        }
        return !to.isBefore(from);
    }

    /**
     * Why {@code by} cannot appoint {@code user} acting {@code actor} for these days, if anything. Nobody records their
     * own appointment: a leave manager (the Ksb. Umum) who could would make themselves acting Kadis, with every step,
     * supervision and the dashboard that role holds; another manager records it, from the head of office's letter.
     */
    private List<Problem> appointmentProblems(String user, String actor, String kind, LocalDate from, LocalDate to,
            String basis, String by) {
        List<Problem> problems = new ArrayList<>();
        Optional<StaffUser> appointee = user == null ? Optional.empty() : users.find(user);
        if (appointee.isEmpty()) {
            problems.add(Problem.of("leavePage.error.user", String.valueOf(user)));
        } else if (user.equals(by)) {
            problems.add(Problem.of("leavePage.error.selfAppointed"));
        }
        boolean staffActor = actor != null && catalog.actors().containsKey(actor) && !catalog.isApplicant(actor);
        if (!staffActor) {
            problems.add(Problem.of("leavePage.error.actor", String.valueOf(actor)));
        } else if (appointee.isPresent() && appointee.get().actors().contains(actor)) {
            problems.add(Problem.of("leavePage.error.holds", user, catalog.actorName(actor)));
        }
        if (kind == null || !ACTING_KINDS.contains(kind)) {
            problems.add(Problem.of("leavePage.error.actingKind", String.valueOf(kind)));
        }
        if (basis == null) {
            problems.add(Problem.of("leavePage.error.basis"));
        } else if (basis.length() > MAX_BASIS) {
            problems.add(Problem.of("leavePage.error.basisLength", MAX_BASIS));
        }
        if (!periodProblems(from, to, problems) || appointee.isEmpty()) {
            return problems;
        }
        for (ActingOfficials.Absence a : acting.absences()) {
            if (a.user().equals(user) && a.overlaps(from, to)) {
                problems.add(Problem.of("leavePage.error.appointeeAway", user, a.from(), a.to(),
                        a.reason() == null ? "-" : a.reason()));
            }
        }
        for (ActingOfficials.Appointment p : acting.all()) {
            if (p.user().equals(user) && p.actor().equals(actor) && !to.isBefore(p.from())
                    && !from.isAfter(p.to())) {
                problems.add(Problem.of("leavePage.error.appointed", user, catalog.actorName(actor), p.from(),
                        p.to()));
            }
        }
        return problems;
    }

    /**
     * The roles of {@code user} that nobody else present holds on {@code day} (own role, or acting official that
     * day): the head of office should appoint a Plh for them.
     */
    private List<String> unheldOn(String user, LocalDate day) {
        StaffUser away = users.find(user).orElseThrow();
        List<String> unheld = acting.unheldOn(day);
        return away.actors().stream().filter(unheld::contains).toList();
    }

    private static Leave map(ResultSet rs, int n) throws SQLException {
        return new Leave(rs.getString("id"), rs.getString("username"), rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class), rs.getObject("planned_last_day", LocalDate.class),
                rs.getString("kind"), rs.getString("note"), rs.getString("recorded_by"),
                instant(rs.getTimestamp("recorded_at")), rs.getString("ended_by"), instant(rs.getTimestamp("ended_at")),
                instant(rs.getTimestamp("withdrawn_at")));
    }

    private static Appointment mapAppointment(ResultSet rs, int n) throws SQLException {
        return new Appointment(rs.getString("id"), rs.getString("username"), rs.getString("actor"),
                rs.getString("kind"), rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class), rs.getObject("planned_last_day", LocalDate.class),
                rs.getString("basis"), rs.getString("recorded_by"), instant(rs.getTimestamp("recorded_at")),
                rs.getString("ended_by"), instant(rs.getTimestamp("ended_at")),
                instant(rs.getTimestamp("withdrawn_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
