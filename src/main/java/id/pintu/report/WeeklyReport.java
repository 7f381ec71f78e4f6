package id.pintu.report;

import id.pintu.calendar.OfficeCalendar;
import id.pintu.documents.IndonesianDates;
import id.pintu.intake.ApplicantMessages;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailProperties;
import id.pintu.mail.MailTemplates;
import id.pintu.mail.OutgoingMail;
import id.pintu.mail.SentMailRepository;
import id.pintu.mail.StatusMails;
import id.pintu.security.ActingOfficials;
import id.pintu.security.UserDirectory;
import id.pintu.sla.SlaProperties;
import id.pintu.sla.Supervision;
import id.pintu.sop.SopCatalog;
import id.pintu.survey.SatisfactionSurvey;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The head of office's weekly report by email ("laporan mingguan", template {@value #TEMPLATE}): for the last whole
 * week, the applications received and closed, the steps completed and how many of them late, and now, the tasks past
 * their due date (the oldest named), the applicants' emails not answered, and the satisfaction survey; for the week
 * that begins, the staff away, the acting officials and the roles nobody present holds. Each recipient
 * gets it once per week (the mail's key names the week), also when several hubs run the route. Called by the route
 * {@code report-weekly}.
 */
@Service
public class WeeklyReport {

    static final String TEMPLATE = "laporan-mingguan";
    private static final Logger LOG = LoggerFactory.getLogger(WeeklyReport.class);
    private static final int OLDEST_SHOWN = 10;
    /** The cases closed in the week by result: one range of the index {@code application_closed}. */
    static final String CLOSED_SQL = "SELECT status, COUNT(*) FROM application WHERE closed_at >= ? AND closed_at < ?"
            + " GROUP BY status";
    /**
     * The office's steps completed in the week and the late ones among them: one range of the index
     * {@code task_completed}. The applicant's own steps (the submission, a letter's receipt confirmed days later) are
     * not the office's work, as in the overdue figures.
     */
    static final String STEPS_COMPLETED_SQL = "SELECT COUNT(*),"
            + " COALESCE(SUM(CASE WHEN completed_at > due_at THEN 1 ELSE 0 END), 0) FROM task"
            + " WHERE status = 'COMPLETED' AND kind = 'STEP' AND completed_at >= ? AND completed_at < ? AND actor <> ?";
    private static final Map<String, String> CLOSED = new LinkedHashMap<>();

    static {
        CLOSED.put("ISSUED", "izin diterbitkan");
        CLOSED.put("REJECTED", "ditolak");
        CLOSED.put("WITHDRAWN", "dicabut pemohon");
        CLOSED.put("ABANDONED", "tidak dilanjutkan");
    }

    /**
     * One week's figures, and the state at the moment of the report; the staff of the week after it (the week the
     * report is read in): who is away, who acts for whom, and the roles nobody present holds on a working day; the
     * roles nobody was given at all in the users file, by name (listed once, not as absences).
     */
    public record Figures(LocalDate from, LocalDate to, long received, Map<String, Long> closed, long stepsCompleted,
            long stepsLate, long overdueNow, List<String> oldestOverdue, long messagesWaiting, long messagesLate,
            SatisfactionSurvey.Index weekSurvey, SatisfactionSurvey.Index yearSurvey, long openSuggestions,
            List<String> awayNextWeek, List<String> actingNextWeek, List<String> unheldNextWeek,
            List<String> unassigned) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SlaProperties sla;
    private final WeeklyReportProperties properties;
    private final Supervision supervision;
    private final SopCatalog catalog;
    private final ApplicantMessages messages;
    private final SatisfactionSurvey survey;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final MailProperties mail;
    private final SentMailRepository sent;
    private final ActingOfficials acting;
    private final UserDirectory users;
    private final OfficeCalendar calendar;
    private final TransactionTemplate tx;

    public WeeklyReport(JdbcClient jdbc, Clock clock, SlaProperties sla, WeeklyReportProperties properties,
            Supervision supervision, SopCatalog catalog, ApplicantMessages messages, SatisfactionSurvey survey,
            MailTemplates templates, MailOutbox outbox, MailProperties mail, SentMailRepository sent,
            ActingOfficials acting, UserDirectory users, OfficeCalendar calendar, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sla = sla;
        this.properties = properties;
        this.supervision = supervision;
        this.catalog = catalog;
        this.messages = messages;
        this.survey = survey;
        this.templates = templates;
        this.outbox = outbox;
        this.mail = mail;
        this.sent = sent;
        this.acting = acting;
        this.users = users;
        this.calendar = calendar;
        this.tx = tx;
        if (properties.enabled()) {
            templates.require("weekly report", List.of(TEMPLATE));
        }
    }

    /** The Monday that starts the last whole week before now (office time). */
    public LocalDate lastWeek() {
        LocalDate today = clock.instant().atZone(sla.zone()).toLocalDate();
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    }

    /**
     * Whether this week's run of the schedule has come: the first moment of {@code pintu.reports.weekly.cron} from
     * this Monday's start (office time) is not later than now.
     */
    public boolean dueThisWeek() {
        Instant now = clock.instant();
        Instant monday = lastWeek().plusWeeks(1).atStartOfDay(sla.zone()).toInstant();
        try {
            CronExpression cron = new CronExpression(properties.cron().trim());
            cron.setTimeZone(TimeZone.getTimeZone(sla.zone()));
            Date first = cron.getTimeAfter(Date.from(monday.minusSeconds(1)));
            return first != null && !first.toInstant().isAfter(now);
        } catch (ParseException e) {
            throw new IllegalStateException("pintu.reports.weekly.cron: " + e.getMessage(), e);
        }
    }

    /**
     * Makes up for this week's run if it was missed (the hub down at that moment, or its database; route
     * {@code report-weekly-catch-up}, after start-up and then every {@code catch-up-every}): once it was due, last
     * week's report goes to each recipient whose mail of that week is neither sent nor waiting to be sent. A week
     * whose run and the whole week after it were missed is not made up for.
     */
    public int catchUp() {
        if (!dueThisWeek()) {
            return 0;
        }
        LocalDate monday = lastWeek();
        List<String> owed = properties.recipients().stream().filter(a -> owed(key(monday, a))).toList();
        if (owed.isEmpty()) {
            return 0;
        }
        LOG.info("Weekly report of the week from {} was not sent to {}: sending it now", monday, owed);
        return send(monday, owed);
    }

    /** Sends last week's report to every recipient; how many mails it queued. */
    public int send() {
        return send(lastWeek(), properties.recipients());
    }

    /** Neither sent nor waiting in the outbox to be sent (the mail server away, say). */
    /**
     * Not sent, not waiting in the outbox, and not refused for good: a refused report left the outbox, and the hourly
     * catch-up owed it again, sent it and had it refused, every hour for the rest of the week.
     */
    private boolean owed(String key) {
        return !sent.wasSent(key) && !outbox.isWaiting(null, key) && jdbc.sql("SELECT COUNT(*) FROM"
                + " mail_undeliverable WHERE dedup_key = ?").param(key).query(Long.class).single() == 0;
    }

    static String key(LocalDate monday, String actor) {
        return TEMPLATE + ":" + monday + ":" + actor;
    }

    private int send(LocalDate monday, List<String> recipients) {
        Figures f = figures(monday);
        Map<String, String> values = values(f);
        int queued = 0;
        for (String actor : recipients) {
            String to;
            try {
                to = supervision.contactOf(actor);
            } catch (IllegalStateException e) {
                LOG.warn("The weekly report for {} is not sent: {}", actor, e.getMessage());
                continue;
            }
            Map<String, String> mine = new HashMap<>(values);
            mine.put("recipientName", catalog.actorName(actor));
            MailTemplates.Rendered r = templates.render(TEMPLATE, mine);
            OutgoingMail m = new OutgoingMail(key(monday, actor), null, to, r.subject(), r.body(),
                    List.of());
            tx.executeWithoutResult(s -> outbox.enqueue(m));
            queued++;
        }
        LOG.info("Weekly report of the week from {}: {} mail(s) queued", monday, queued);
        return queued;
    }

    /** The figures of the week that starts on {@code monday} (office time), and the state now. */
    public Figures figures(LocalDate monday) {
        ZoneId zone = sla.zone();
        Timestamp from = Timestamp.from(monday.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(monday.plusWeeks(1).atStartOfDay(zone).toInstant());
        Instant now = clock.instant();
        long received = jdbc.sql("SELECT COUNT(*) FROM application WHERE submitted_at >= ? AND submitted_at < ?")
                .params(from, to).query(Long.class).single();
        Map<String, Long> closed = new LinkedHashMap<>();
        CLOSED.keySet().forEach(s -> closed.put(s, 0L));
        jdbc.sql(CLOSED_SQL)
                .params(from, to).query(rs -> {
                    closed.put(rs.getString(1), rs.getLong(2));
                });
        // The office's work and lateness: the applicant's own steps (a clarification, a letter's receipt) are theirs
        String applicant = catalog.applicantActor().id();
        long[] steps = jdbc.sql(STEPS_COMPLETED_SQL)
                .params(from, to, applicant).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long overdue = jdbc.sql("SELECT COUNT(*) FROM task WHERE status = 'OPEN' AND due_at < ? AND actor <> ?")
                .params(Timestamp.from(now), applicant).query(Long.class).single();
        List<String> oldest = jdbc.sql("SELECT a.tracking_code, t.step_no, t.step_name, t.actor, t.due_at FROM task t"
                        + " JOIN application a ON a.id = t.application_id WHERE t.status = 'OPEN' AND t.due_at < ?"
                        + " AND t.actor <> ? ORDER BY t.due_at LIMIT ?")
                .params(Timestamp.from(now), applicant, OLDEST_SHOWN)
                .query((rs, n) -> "  - " + rs.getString(1) + ", langkah " + rs.getInt(2) + " (" + rs.getString(3)
                        + "), " + catalog.actorName(rs.getString(4)) + ", tenggat "
                        + StatusMails.format(rs.getTimestamp(5).toInstant()) + " WIB")
                .list();
        Instant yearStart = monday.plusWeeks(1).minusDays(1).withDayOfYear(1).atStartOfDay(zone).toInstant();
        return new Figures(monday, monday.plusDays(6), received, closed, steps[0], steps[1], overdue, oldest,
                messages.waiting().count(), messages.late(10_000),
                survey.index(from.toInstant(), to.toInstant()), survey.index(yearStart, to.toInstant()),
                survey.openSuggestions(), away(monday.plusWeeks(1)), actingOfficials(monday.plusWeeks(1)),
                unheld(monday.plusWeeks(1)), acting.unassigned().stream().map(catalog::actorName).toList());
    }

    /** Who is away during the week from {@code monday}, and when. */
    private List<String> away(LocalDate monday) {
        LocalDate sunday = monday.plusDays(6);
        return acting.absences().stream().filter(a -> a.overlaps(monday, sunday))
                .sorted(Comparator.comparing(ActingOfficials.Absence::from)
                        .thenComparing(ActingOfficials.Absence::user))
                .map(a -> "  - " + person(a.user()) + ": " + (a.reason() == null ? "tidak hadir" : a.reason()) + ", "
                        + period(a.from(), a.to()))
                .toList();
    }

    /** Who acts for whom (Plt/Plh) during the week from {@code monday}. */
    private List<String> actingOfficials(LocalDate monday) {
        LocalDate sunday = monday.plusDays(6);
        return acting.all().stream().filter(a -> !sunday.isBefore(a.from()) && !monday.isAfter(a.to()))
                .sorted(Comparator.comparing(ActingOfficials.Appointment::from)
                        .thenComparing(ActingOfficials.Appointment::user))
                .map(a -> "  - " + person(a.user()) + ": "
                        + (a.kind() == null ? "Plh" : ActingOfficials.Appointment.kindName(a.kind())) + " "
                        + catalog.actorName(a.actor()) + ", " + period(a.from(), a.to()))
                .toList();
    }

    /**
     * The staff roles nobody present holds on a working day of the week from {@code monday}: their tasks wait. Each
     * role with its days, consecutive working days as one period. A role nobody was given is not here: it is in
     * {@link Figures#unassigned}.
     */
    private List<String> unheld(LocalDate monday) {
        List<String> unassigned = acting.unassigned();
        Map<String, List<LocalDate[]>> periods = new LinkedHashMap<>();
        LocalDate lastWorking = null;
        for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (String actor : acting.unheldOn(day)) {
                if (unassigned.contains(actor)) {
                    continue;
                }
                List<LocalDate[]> runs = periods.computeIfAbsent(actor, a -> new ArrayList<>());
                LocalDate[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (last != null && last[1].equals(lastWorking)) {
                    last[1] = day;
                } else {
                    runs.add(new LocalDate[] {day, day});
                }
            }
            lastWorking = day;
        }
        List<String> lines = new ArrayList<>();
        periods.forEach((actor, runs) -> lines.add("  - " + catalog.actorName(actor) + ": " + String.join(", ",
                runs.stream().map(r -> period(r[0], r[1])).toList())));
        return lines;
    }

    private String person(String username) {
        return users.find(username).map(u -> u.fullName() == null || u.fullName().isBlank() ? username
                : u.fullName() + " (" + username + ")").orElse(username);
    }

    private static String period(LocalDate from, LocalDate to) {
        return from.equals(to) ? IndonesianDates.date(from)
                : IndonesianDates.date(from) + " - " + IndonesianDates.date(to);
    }

    private static String lines(List<String> lines) {
        return lines.isEmpty() ? "  (tidak ada)" : String.join("\n", lines);
    }

    private Map<String, String> values(Figures f) {
        Map<String, String> v = new HashMap<>();
        v.put("officeName", mail.officeName());
        v.put("weekFrom", IndonesianDates.date(f.from()));
        v.put("weekTo", IndonesianDates.date(f.to()));
        v.put("received", String.valueOf(f.received()));
        StringBuilder closed = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : f.closed().entrySet()) {
            String label = CLOSED.getOrDefault(e.getKey(), e.getKey());
            closed.append("  - ").append(label).append(": ").append(e.getValue()).append('\n');
            total += e.getValue();
        }
        v.put("closed", String.valueOf(total));
        v.put("closedByResult", closed.toString().stripTrailing());
        v.put("stepsCompleted", String.valueOf(f.stepsCompleted()));
        v.put("stepsLate", String.valueOf(f.stepsLate()));
        v.put("onTimeShare", f.stepsCompleted() == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%",
                100.0 * (f.stepsCompleted() - f.stepsLate()) / f.stepsCompleted()).replace('.', ','));
        v.put("overdueNow", String.valueOf(f.overdueNow()));
        v.put("oldestOverdue", f.oldestOverdue().isEmpty() ? "  (tidak ada)" : String.join("\n", f.oldestOverdue()));
        v.put("messagesWaiting", String.valueOf(f.messagesWaiting()));
        v.put("messagesLate", String.valueOf(f.messagesLate()));
        v.put("surveyWeek", String.valueOf(f.weekSurvey().respondents()));
        v.put("ikmYear", f.yearSurvey().respondents() == 0 ? "belum ada responden" : String.format(Locale.ROOT,
                "%.2f (mutu %s), %d responden", f.yearSurvey().value(), f.yearSurvey().grade(),
                f.yearSurvey().respondents()).replace('.', ','));
        v.put("openSuggestions", String.valueOf(f.openSuggestions()));
        v.put("nextWeekFrom", IndonesianDates.date(f.to().plusDays(1)));
        v.put("nextWeekTo", IndonesianDates.date(f.to().plusDays(7)));
        v.put("awayNextWeek", lines(f.awayNextWeek()));
        v.put("actingNextWeek", lines(f.actingNextWeek()));
        v.put("unheldNextWeek", lines(f.unheldNextWeek()));
        v.put("unassigned", f.unassigned().isEmpty() ? "tidak ada" : String.join(", ", f.unassigned()));
        v.put("leaveUrl", mail.publicUrl("/pegawai/cuti"));
        v.put("dashboardUrl", mail.publicUrl("/dasbor"));
        v.put("surveyUrl", mail.publicUrl("/survei"));
        return v;
    }
}
