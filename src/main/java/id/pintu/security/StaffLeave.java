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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff leave recorded in the hub (the leave page {@code /pegawai/cuti}) rather than in the acting file: the head of
 * office, the secretary or the head of general affairs records that a member of staff is on leave or away on duty
 * from one day to another, and ends it early when they come back. For those days the user holds no role, exactly as
 * for an absence in the acting file ({@link ActingOfficials#absences}): the tasks they hold go back to their roles'
 * inboxes, nobody hands them work, the dashboard names a role nobody present holds.
 *
 * <p>A leave is refused, with every reason at once, for someone not in the users file, a kind of leave the office
 * does not know, a period that ends before it begins, has ended already or is longer than {@code pintu.leave.max-days},
 * and days on which the user is already away (in the file or here) or appointed acting official (someone away cannot
 * act for another). Each change is an audit entry ({@code STAFF_LEAVE_RECORDED}, {@code STAFF_LEAVE_ENDED}) by the
 * one who made it. Every hub reads the leave in force from the database every {@code pintu.security.check-interval}
 * (route {@code staff-leave-refresh}) and at once after a change of its own.
 */
@Component("staffLeave")
@EnableConfigurationProperties(LeaveProperties.class)
public class StaffLeave {

    private static final Logger LOG = LoggerFactory.getLogger(StaffLeave.class);
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

    /** A leave recorded, and the roles that nobody present holds on its first day because of it. */
    public record Recorded(Leave leave, List<String> unheldActors) {}

    private static final String COLUMNS = "id, username, first_day, last_day, planned_last_day, kind, note,"
            + " recorded_by, recorded_at, ended_by, ended_at, withdrawn_at";

    private static final RowMapper<Leave> LEAVE = StaffLeave::map;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final UserDirectory users;
    private final ActingOfficials acting;
    private final SopCatalog catalog;
    private final LeaveProperties properties;
    private final ActingProperties zone;
    private final Clock clock;

    public StaffLeave(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, UserDirectory users,
            ActingOfficials acting, SopCatalog catalog, LeaveProperties properties, ActingProperties zone,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.users = users;
        this.acting = acting;
        this.catalog = catalog;
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
        try {
            refresh();
        } catch (RuntimeException e) {
            // The database away at start-up: the route staff-leave-refresh reads the leave once it is back
            LOG.warn("Staff leave not read at start-up ({}); the route staff-leave-refresh reads it at its next run",
                    e.toString());
        }
    }

    public LocalDate today() {
        return clock.instant().atZone(zone.zone()).toLocalDate();
    }

    /** Whether the user may record and end leave: a manager's role (own or acting today) or an administrator. */
    public boolean mayManage(Authentication auth) {
        Caller caller = Callers.of(auth);
        return properties.managers().stream().anyMatch(caller::holds)
                || auth.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority()));
    }

    public LeaveProperties properties() {
        return properties;
    }

    /** Reads the leave in force and to come, and puts it in force on this hub (route {@code staff-leave-refresh}). */
    public synchronized void refresh() {
        acting.useRecorded(current().stream().map(Leave::absence).toList());
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
        List<Problem> problems = problems(user, from, to, kind, text);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        Instant now = clock.instant();
        Leave leave = new Leave(TimeOrderedIds.next(now), user, from, to, to, kind, text, by, now, null, null, null);
        tx.executeWithoutResult(s -> {
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
        LocalDate today = today();
        if (leave.withdrawn() || leave.to().isBefore(today)) {
            throw new Refused(List.of(Problem.of("leavePage.error.over")));
        }
        Instant now = clock.instant();
        boolean withdraw = !leave.from().isBefore(today);
        LocalDate last = withdraw ? leave.to() : today.minusDays(1);
        Boolean done = tx.execute(s -> {
            int updated = jdbc.sql("UPDATE staff_leave SET last_day = ?, ended_by = ?, ended_at = ?, withdrawn_at = ?"
                            + " WHERE id = ? AND last_day = ? AND withdrawn_at IS NULL")
                    .params(last, by, Timestamp.from(now), withdraw ? Timestamp.from(now) : null, id, leave.to())
                    .update();
            if (updated != 1) {
                return false;
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("from", leave.from().toString());
            before.put("to", leave.to().toString());
            before.put("kind", leave.kind());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("from", leave.from().toString());
            if (!withdraw) {
                after.put("to", last.toString());
            }
            after.put("withdrawn", withdraw);
            audit.append(new AuditTrail.Record(by, AuditActions.STAFF_LEAVE_ENDED, null, leave.user(), before, after,
                    null));
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            throw new Refused(List.of(Problem.of("leavePage.error.changed")));
        }
        refresh();
        LOG.info("Leave of {} ({} to {}) {} by {}", leave.user(), leave.from(), leave.to(),
                withdraw ? "withdrawn" : "ended early, back " + today, by);
        return find(id).orElseThrow();
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
        if (from == null || to == null) {
            problems.add(Problem.of("leavePage.error.days"));
            return problems;
        }
        LocalDate today = today();
        if (to.isBefore(from)) {
            problems.add(Problem.of("leavePage.error.reversed", to, from));
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > properties.maxDays()) {
            problems.add(Problem.of("leavePage.error.tooLong", ChronoUnit.DAYS.between(from, to) + 1,
                    properties.maxDays()));
        }
        if (to.isBefore(today)) {
            problems.add(Problem.of("leavePage.error.past", to));
        }
        if (user == null || to.isBefore(from)) {
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

    /**
     * The roles of {@code user} that nobody else present holds on {@code day} (own role, or acting official that
     * day): the head of office should appoint a Plh for them.
     */
    private List<String> unheldOn(String user, LocalDate day) {
        StaffUser away = users.find(user).orElseThrow();
        List<ActingOfficials.Absence> absences = acting.absences();
        List<String> unheld = new ArrayList<>();
        for (String actor : away.actors()) {
            boolean held = users.all().stream()
                    .filter(u -> !u.username().equals(user))
                    .filter(u -> absences.stream().noneMatch(a -> a.user().equals(u.username()) && a.covers(day)))
                    .anyMatch(u -> u.actors().contains(actor) || acting.all().stream().anyMatch(p ->
                            p.user().equals(u.username()) && p.actor().equals(actor) && p.covers(day)));
            if (!held) {
                unheld.add(catalog.actorName(actor));
            }
        }
        return unheld;
    }

    private static Leave map(ResultSet rs, int n) throws SQLException {
        return new Leave(rs.getString("id"), rs.getString("username"), rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class), rs.getObject("planned_last_day", LocalDate.class),
                rs.getString("kind"), rs.getString("note"), rs.getString("recorded_by"),
                instant(rs.getTimestamp("recorded_at")), rs.getString("ended_by"), instant(rs.getTimestamp("ended_at")),
                instant(rs.getTimestamp("withdrawn_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
