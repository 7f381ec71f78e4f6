package id.pintu.report;

import id.pintu.documents.IndonesianDates;
import id.pintu.intake.ApplicantMessages;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailProperties;
import id.pintu.mail.MailTemplates;
import id.pintu.mail.OutgoingMail;
import id.pintu.mail.SentMailRepository;
import id.pintu.mail.StatusMails;
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
 * their due date (the oldest named), the applicants' emails not answered, and the satisfaction survey. Each recipient
 * gets it once per week (the mail's key names the week), also when several hubs run the route. Called by the route
 * {@code report-weekly}.
 */
@Service
public class WeeklyReport {

    static final String TEMPLATE = "laporan-mingguan";
    private static final Logger LOG = LoggerFactory.getLogger(WeeklyReport.class);
    private static final int OLDEST_SHOWN = 10;
    private static final Map<String, String> CLOSED = new LinkedHashMap<>();

    static {
        CLOSED.put("ISSUED", "izin diterbitkan");
        CLOSED.put("REJECTED", "ditolak");
        CLOSED.put("WITHDRAWN", "dicabut pemohon");
        CLOSED.put("ABANDONED", "tidak dilanjutkan");
    }

    /** One week's figures, and the state at the moment of the report. */
    public record Figures(LocalDate from, LocalDate to, long received, Map<String, Long> closed, long stepsCompleted,
            long stepsLate, long overdueNow, List<String> oldestOverdue, long messagesWaiting, long messagesLate,
            SatisfactionSurvey.Index weekSurvey, SatisfactionSurvey.Index yearSurvey, long openSuggestions) {}

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
    private final TransactionTemplate tx;

    public WeeklyReport(JdbcClient jdbc, Clock clock, SlaProperties sla, WeeklyReportProperties properties,
            Supervision supervision, SopCatalog catalog, ApplicantMessages messages, SatisfactionSurvey survey,
            MailTemplates templates, MailOutbox outbox, MailProperties mail, SentMailRepository sent,
            TransactionTemplate tx) {
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
    private boolean owed(String key) {
        if (sent.wasSent(key)) {
            return false;
        }
        // The week's mails belong to no case: the outbox's index on the case narrows this to those few rows
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE application_id = ? AND kind = ? AND payload LIKE ?")
                .params(MailOutbox.NO_CASE, MailOutbox.KIND, "%\"dedupKey\":\"" + key + "\"%")
                .query(Long.class).single() == 0;
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
        jdbc.sql("SELECT status, COUNT(*) FROM application WHERE closed_at >= ? AND closed_at < ? GROUP BY status")
                .params(from, to).query(rs -> {
                    closed.put(rs.getString(1), rs.getLong(2));
                });
        long[] steps = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN completed_at > due_at THEN 1 ELSE 0 END), 0)"
                        + " FROM task WHERE status = 'COMPLETED' AND kind = 'STEP' AND completed_at >= ?"
                        + " AND completed_at < ?")
                .params(from, to).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long overdue = jdbc.sql("SELECT COUNT(*) FROM task WHERE status = 'OPEN' AND due_at < ?")
                .param(Timestamp.from(now)).query(Long.class).single();
        List<String> oldest = jdbc.sql("SELECT a.tracking_code, t.step_no, t.step_name, t.actor, t.due_at FROM task t"
                        + " JOIN application a ON a.id = t.application_id WHERE t.status = 'OPEN' AND t.due_at < ?"
                        + " ORDER BY t.due_at LIMIT ?")
                .params(Timestamp.from(now), OLDEST_SHOWN)
                .query((rs, n) -> "  - " + rs.getString(1) + ", langkah " + rs.getInt(2) + " (" + rs.getString(3)
                        + "), " + catalog.actorName(rs.getString(4)) + ", tenggat "
                        + StatusMails.format(rs.getTimestamp(5).toInstant()) + " WIB")
                .list();
        Instant yearStart = monday.plusWeeks(1).minusDays(1).withDayOfYear(1).atStartOfDay(zone).toInstant();
        return new Figures(monday, monday.plusDays(6), received, closed, steps[0], steps[1], overdue, oldest,
                messages.waiting().count(), messages.late(10_000),
                survey.index(from.toInstant(), to.toInstant()), survey.index(yearStart, to.toInstant()),
                survey.openSuggestions());
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
        v.put("dashboardUrl", mail.publicUrl("/dasbor"));
        v.put("surveyUrl", mail.publicUrl("/survei"));
        return v;
    }
}
