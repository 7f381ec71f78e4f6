package id.pintu.report;

import id.pintu.calendar.WorkingCalendar;
import id.pintu.sla.SlaProperties;
import id.pintu.sop.Actor;
import id.pintu.sop.MutuBaku;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes the SOP evaluation from the task history. A task counts in the period in which it was completed (the
 * applicant's clarifications are not steps and are left out; cancelled tasks too); an escalation counts in the
 * period in which it fired; a case counts in the period in which it closed.
 */
@Service
public class SopEvaluationService {

    /** The SOP's steps completed in the period: one range of the index {@code task_completed}. */
    static final String DONE_SQL = "SELECT t.step_no, t.actor, t.entered_at, t.completed_at, t.due_at FROM task t"
            + " JOIN application a ON a.id = t.application_id WHERE a.sop_code = ? AND t.kind = 'STEP'"
            + " AND t.status = 'COMPLETED' AND t.completed_at >= ? AND t.completed_at < ?";

    private record Done(int step, String actor, Instant entered, Instant completed, Instant due) {}

    private final JdbcClient jdbc;
    private final SopCatalog catalog;
    private final WorkingCalendar calendar;
    private final SlaProperties properties;
    private final Clock clock;

    public SopEvaluationService(JdbcClient jdbc, SopCatalog catalog, WorkingCalendar calendar,
            SlaProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** The evaluation of this month up to today (office time), the report's default period. */
    public SopEvaluation monthToDate(String sopCode) {
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        return evaluate(sopCode, today.withDayOfMonth(1), today);
    }

    public SopEvaluation evaluate(String sopCode, LocalDate from, LocalDate to) {
        SopDefinition sop = catalog.require(sopCode);
        Timestamp start = Timestamp.from(from.atStartOfDay(properties.zone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(properties.zone()).toInstant());

        List<Done> done = jdbc.sql(DONE_SQL)
                .params(sopCode, start, end)
                .query((rs, n) -> new Done(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
                .list();
        Map<String, int[]> escalations = new HashMap<>();
        jdbc.sql("SELECT e.step_no, e.actor, e.level, COUNT(*) FROM escalation e JOIN application a"
                        + " ON a.id = e.application_id WHERE a.sop_code = ? AND e.escalated_at >= ? AND e.escalated_at < ?"
                        + " GROUP BY e.step_no, e.actor, e.level")
                .params(sopCode, start, end)
                .query(rs -> {
                    int[] counts = escalations.computeIfAbsent(rs.getInt(1) + "|" + rs.getString(2), k -> new int[3]);
                    counts[Math.min(rs.getInt(3), 2)] += rs.getInt(4);
                });
        Map<String, Integer> finished = new TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM application WHERE sop_code = ? AND closed_at >= ? AND closed_at < ?"
                        + " GROUP BY status")
                .params(sopCode, start, end)
                .query(rs -> {
                    finished.put(rs.getString(1), rs.getInt(2));
                });

        List<SopEvaluation.StepFigures> steps = new ArrayList<>();
        // A step's row counts its tasks by the step's number, whoever performed it: cases run on the version of the
        // SOP they started with, and an older version may give the step to another actor (the row shows the newest
        // version's actor and mutu baku; each task was on time or late by its own due date).
        for (Step step : sop.steps()) {
            String actor = step.performingActor();
            List<Done> mine = done.stream().filter(d -> d.step() == step.no()).toList();
            int[] esc = new int[3];
            escalations.forEach((key, counts) -> {
                if (key.startsWith(step.no() + "|")) {
                    esc[1] += counts[1];
                    esc[2] += counts[2];
                }
            });
            List<Double> minutes = minutes(mine);
            steps.add(new SopEvaluation.StepFigures(step.no(), step.name(), actor, step.waktu(),
                    step.duration().iso(), minutesOf(step.duration()), mine.size(), Stats.median(minutes),
                    Stats.percentile(minutes, 90), Stats.max(minutes), Stats.share(onTime(mine), mine.size()),
                    esc[1], esc[2]));
        }
        Map<String, List<Done>> byActor = new LinkedHashMap<>();
        for (Actor a : catalog.actors().values()) {
            byActor.put(a.id(), new ArrayList<>());
        }
        done.forEach(d -> byActor.computeIfAbsent(d.actor(), k -> new ArrayList<>()).add(d));
        List<SopEvaluation.ActorFigures> actors = new ArrayList<>();
        byActor.forEach((actor, mine) -> {
            int reminders = 0;
            int breaches = 0;
            for (Map.Entry<String, int[]> e : escalations.entrySet()) {
                if (e.getKey().endsWith("|" + actor)) {
                    reminders += e.getValue()[1];
                    breaches += e.getValue()[2];
                }
            }
            List<Double> minutes = minutes(mine);
            Actor a = catalog.actors().get(actor);
            actors.add(new SopEvaluation.ActorFigures(actor, a == null ? actor : a.name(), mine.size(),
                    Stats.median(minutes), Stats.percentile(minutes, 90), Stats.max(minutes),
                    Stats.share(onTime(mine), mine.size()), reminders, breaches));
        });
        return new SopEvaluation(sop.code(), sop.number(), sop.name(), from, to, clock.instant(), steps, actors,
                finished);
    }

    private List<Double> minutes(List<Done> tasks) {
        return tasks.stream()
                .map(d -> calendar.workingTimeBetween(d.entered(), d.completed()).toSeconds() / 60.0)
                .toList();
    }

    private static int onTime(List<Done> tasks) {
        return (int) tasks.stream().filter(d -> !d.completed().isAfter(d.due())).count();
    }

    long minutesOf(MutuBaku m) {
        return m.workingDays() * properties.workingDay().toMinutes() + m.workingTime().toMinutes();
    }
}
