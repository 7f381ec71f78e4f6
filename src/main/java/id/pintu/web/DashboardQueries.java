package id.pintu.web;

import id.pintu.sla.SlaProperties;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The head of office's figures: cases by status, open work by step and actor, and each step against its mutu baku. */
@Component
public class DashboardQueries {

    /** Completed step visits measured for the SLA picture (the most recent ones). */
    static final int SLA_SAMPLE = 5000;
    /**
     * The sample: read along the index {@code task_completed} (status, newest completion first) and stopped at the
     * limit. The bound on the completion time and the status in the order are what make H2 take that index and
     * read it in its order, instead of sorting every completed task (PostgreSQL does either way).
     */
    static final String SLA_SAMPLE_SQL = "SELECT a.sop_code, t.step_no, t.entered_at, t.due_at, t.completed_at"
            + " FROM task t JOIN application a ON a.id = t.application_id"
            + " WHERE t.status = 'COMPLETED' AND t.completed_at <= ? AND t.kind = 'STEP'"
            + " ORDER BY t.status, t.completed_at DESC LIMIT ?";

    /** The open cases by status and the cases closed since a moment by result, along two indexes. */
    static final String CASES_BY_STATUS_SQL = "SELECT status, COUNT(*) FROM application"
            + " WHERE status IN ('IN_PROGRESS', 'AWAITING_APPLICANT') GROUP BY status"
            + " UNION ALL SELECT status, COUNT(*) FROM application WHERE closed_at >= ? GROUP BY status ORDER BY 1";

    public record Count(String key, String label, long count) {}

    /**
     * One step's record: visits, how many were on time, and mean working time taken against mean allowed; its label
     * as the dashboard names the step (with the SOP when there are several).
     */
    public record StepSla(String sopCode, int stepNo, String label, String waktu, long visits, long onTime,
            double meanTakenHours, double meanAllowedHours) {
        public long onTimePercent() {
            return visits == 0 ? 0 : Math.round(100.0 * onTime / visits);
        }
    }

    private final JdbcClient jdbc;
    private final SopCatalog catalog;
    private final SlaClock sla;
    private final Clock clock;
    private final SlaProperties slaProperties;

    DashboardQueries(JdbcClient jdbc, SopCatalog catalog, SlaClock sla, Clock clock, SlaProperties slaProperties) {
        this.clock = clock;
        this.slaProperties = slaProperties;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.sla = sla;
    }

    /**
     * The cases still open, all of them (one range of the index {@code application_status} per open status), and the
     * cases closed since the first of January of {@code year} (one range of {@code application_closed}; {@link
     * #year()} for this year): what the office handles now and this year. Counting every case ever stored walked the
     * whole index at each load, which grows with the years (two seconds and more for a million cases on H2).
     */
    public List<Count> casesByStatus(int year) {
        Instant yearStart = LocalDate.of(year, 1, 1).atStartOfDay(slaProperties.zone()).toInstant();
        return jdbc.sql(CASES_BY_STATUS_SQL)
                .param(Timestamp.from(yearStart))
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** This year in the office's time zone, whose closed cases the dashboard counts. */
    public int year() {
        return clock.instant().atZone(slaProperties.zone()).getYear();
    }

    /**
     * Open tasks per step of each SOP: step 5 of one service is not step 5 of another (grouped by number alone, the
     * two were one row under one of their names). With several SOPs a row names its SOP.
     */
    public List<Count> openByStep() {
        boolean several = severalSops();
        return jdbc.sql("SELECT a.sop_code, t.step_no, MIN(t.step_name), COUNT(*) FROM task t"
                        + " JOIN application a ON a.id = t.application_id WHERE t.status = 'OPEN'"
                        + " GROUP BY a.sop_code, t.step_no ORDER BY a.sop_code, t.step_no")
                .query((rs, n) -> new Count(rs.getString(1) + "#" + rs.getInt(2),
                        stepLabel(several, rs.getString(1), rs.getInt(2), rs.getString(3)), rs.getLong(4)))
                .list();
    }

    /** "5. Verifikasi berkas", or with several SOPs "Izin Reklame: 5. Verifikasi berkas". */
    private String stepLabel(boolean several, String sopCode, int stepNo, String name) {
        return (several ? catalog.sopName(sopCode) + ": " : "") + stepNo + ". " + name;
    }

    /** Open tasks per actor inbox, every actor listed (an empty inbox shows 0). */
    public Map<String, Long> openByActor() {
        Map<String, Long> counts = new LinkedHashMap<>();
        catalog.actors().keySet().forEach(a -> counts.put(a, 0L));
        jdbc.sql("SELECT actor, COUNT(*) FROM task WHERE status = 'OPEN' GROUP BY actor")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public List<StepSla> slaPerStep() {
        record Visit(String sop, int step, Instant entered, Instant due, Instant completed) {}
        List<Visit> visits = jdbc.sql(SLA_SAMPLE_SQL)
                .params(Timestamp.from(clock.instant()), SLA_SAMPLE)
                .query((rs, n) -> new Visit(rs.getString(1), rs.getInt(2), ts(rs.getTimestamp(3)),
                        ts(rs.getTimestamp(4)), ts(rs.getTimestamp(5))))
                .list();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, double[]> hours = new TreeMap<>();
        for (Visit v : visits) {
            String key = v.sop() + "#" + String.format("%04d", v.step());
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            double[] h = hours.computeIfAbsent(key, k -> new double[2]);
            c[0]++;
            if (!v.completed().isAfter(v.due())) {
                c[1]++;
            }
            h[0] += hoursOf(sla.taken(v.entered(), v.completed()));
            h[1] += hoursOf(sla.taken(v.entered(), v.due()));
        }
        List<StepSla> result = new ArrayList<>();
        boolean several = severalSops();
        counts.forEach((key, c) -> {
            String sopCode = key.substring(0, key.indexOf('#'));
            int stepNo = Integer.parseInt(key.substring(key.indexOf('#') + 1));
            Step step = catalog.find(sopCode).flatMap(s -> s.step(stepNo)).orElse(null);
            double[] h = hours.get(key);
            String label = stepLabel(several, sopCode, stepNo, step == null ? "?" : step.name());
            result.add(new StepSla(sopCode, stepNo, label, step == null ? "" : step.waktu(), c[0], c[1],
                    round(h[0] / c[0]), round(h[1] / c[0])));
        });
        return result;
    }

    boolean severalSops() {
        return catalog.all().size() > 1;
    }

    SopDefinition defaultSop() {
        return catalog.defaultSop();
    }

    private static double hoursOf(Duration d) {
        return d.toSeconds() / 3600.0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
