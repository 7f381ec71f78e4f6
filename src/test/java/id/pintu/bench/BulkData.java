package id.pintu.bench;

import id.pintu.sop.Outcome;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written straight into the database with {@code INSERT ... SELECT} over a generated series (H2
 * {@code SYSTEM_RANGE}, PostgreSQL {@code generate_series}), in chunks so no transaction grows huge. Every id starts
 * with {@code bench-} so the simulated staff never mistake these cases for their own.
 */
final class BulkData {

    private static final int CHUNK = 100_000;
    private static final String APP_COLUMNS = "id, tracking_code, token_hash, sop_code, sop_version, status, channel,"
            + " applicant_name, applicant_email, company_name, company_nib, company_npwp, company_address,"
            + " company_kbli, submitted_at, updated_at, closed_at";
    private static final String TASK_COLUMNS = "id, application_id, step_no, step_name, actor, kind, status,"
            + " entered_at, due_at, claimed_by, claimed_at, completed_at, completed_by, outcome";

    /** A timestamp parameter; PostgreSQL would type it as text in an INSERT ... SELECT list without the cast. */
    private static final String TS = "CAST(? AS TIMESTAMP WITH TIME ZONE)";

    private static final String NO_TS = "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";

    private final BenchHub hub;
    private final JdbcTemplate jdbc;
    private final SopDefinition sop;

    BulkData(BenchHub hub) {
        this.hub = hub;
        this.jdbc = hub.jdbc();
        this.sop = hub.catalog().defaultSop();
    }

    /**
     * Finished cases numbered {@code from+1 .. from+count}, each with its whole history: even numbers took the
     * recommend branch (ISSUED), odd ones the reject branch (REJECTED). Returns the task rows written.
     */
    long finishedCases(long from, long count) {
        List<Integer> recommend = path("recommend");
        List<Integer> reject = path("reject");
        Timestamp at = Timestamp.from(Instant.now().minus(Duration.ofDays(400)));
        long rows = 0;
        for (long done = 0; done < count; done += CHUNK) {
            long n = Math.min(CHUNK, count - done);
            long offset = from + done;
            jdbc.update("INSERT INTO application (" + APP_COLUMNS + ") SELECT CONCAT('bench-f-', x + " + offset
                    + "), CONCAT('BF-', x + " + offset + "), 'h', ?, ?, CASE WHEN MOD(x + " + offset
                    + ", 2) = 0 THEN 'ISSUED' ELSE 'REJECTED' END, 'API', 'Pemohon', 'p@contoh.co.id', 'PT Contoh',"
                    + " '9120001234567', '012345678901000', 'Jl. Contoh', '10761', " + TS + ", " + TS + ", " + TS + " FROM " + hub.series(n),
                    sop.code(), sop.versionOrDefault(), at, at, at);
            for (Integer stepNo : sop.steps().stream().map(Step::no).toList()) {
                boolean onRecommend = recommend.contains(stepNo);
                boolean onReject = reject.contains(stepNo);
                if (!onRecommend && !onReject) {
                    continue;
                }
                String parity = onRecommend && onReject ? "" : " WHERE MOD(x + " + offset + ", 2) = "
                        + (onRecommend ? 0 : 1);
                Step step = sop.requireStep(stepNo);
                String outcome = step.isDecision()
                        ? "CASE WHEN MOD(x + " + offset + ", 2) = 0 THEN '" + outcomeTo(step, recommend) + "' ELSE '"
                                + outcomeTo(step, reject) + "' END"
                        : "NULL";
                rows += jdbc.update("INSERT INTO task (" + TASK_COLUMNS + ") SELECT CONCAT('bench-f-', x + " + offset
                        + ", '-', " + stepNo + "), CONCAT('bench-f-', x + " + offset + "), ?, ?, ?, 'STEP',"
                        + " 'COMPLETED', " + TS + ", " + TS + ", 'bench', " + TS + ", " + TS + ", 'bench', " + outcome + " FROM " + hub.series(n)
                        + parity, stepNo, step.name(), step.performingActor(), at, at, at, at);
            }
        }
        return rows;
    }

    /** Open cases {@code bench-o-1..count}, each with one open, unclaimed task at step {@code stepNo}. */
    void openCases(long count, int stepNo, Instant due) {
        Step step = sop.requireStep(stepNo);
        Timestamp now = Timestamp.from(Instant.now());
        for (long done = 0; done < count; done += CHUNK) {
            long n = Math.min(CHUNK, count - done);
            jdbc.update("INSERT INTO application (" + APP_COLUMNS + ") SELECT CONCAT('bench-o-', x + " + done
                    + "), CONCAT('BO-', x + " + done + "), 'h', ?, ?, 'IN_PROGRESS', 'API', 'Pemohon',"
                    + " 'p@contoh.co.id', 'PT Contoh', '9120001234567', '012345678901000', 'Jl. Contoh', '10761',"
                    + " " + TS + ", " + TS + ", " + NO_TS + " FROM " + hub.series(n), sop.code(), sop.versionOrDefault(), now, now);
            jdbc.update("INSERT INTO task (" + TASK_COLUMNS + ") SELECT CONCAT('bench-o-', x + " + done
                    + "), CONCAT('bench-o-', x + " + done + "), ?, ?, ?, 'STEP', 'OPEN', " + TS + ", " + TS + ", NULL, " + NO_TS + ", " + NO_TS + ", NULL, NULL FROM " + hub.series(n), stepNo, step.name(), step.performingActor(), now,
                    Timestamp.from(due));
        }
    }

    /**
     * Open tasks {@code bench-s-1..count} spread over the open cases {@code bench-o-1..cases} (the escalation scan
     * reads tasks; how many per case does not change its work), all due at {@code due}.
     */
    void openTasks(long count, long cases, int stepNo, Instant entered, Instant due) {
        Step step = sop.requireStep(stepNo);
        for (long done = 0; done < count; done += CHUNK) {
            long n = Math.min(CHUNK, count - done);
            jdbc.update("INSERT INTO task (" + TASK_COLUMNS + ") SELECT CONCAT('bench-s-', x + " + done
                    + "), CONCAT('bench-o-', MOD(x + " + done + ", " + cases + ") + 1), ?, ?, ?, 'STEP', 'OPEN', " + TS + ", " + TS + ", NULL, " + NO_TS + ", " + NO_TS
                    + ", NULL, NULL FROM " + hub.series(n), stepNo, step.name(),
                    step.performingActor(), Timestamp.from(entered), Timestamp.from(due));
        }
    }

    /** Makes open tasks {@code bench-s-1..count} overdue at once. */
    int overdue(long count, Instant entered, Instant due) {
        return jdbc.update("UPDATE task SET entered_at = ?, due_at = ? WHERE id IN (SELECT CONCAT('bench-s-', x) FROM "
                + hub.series(count) + ")", Timestamp.from(entered), Timestamp.from(due));
    }

    /** The steps a case visits on the branch whose decision at the branching step is {@code outcomeId}. */
    private List<Integer> path(String outcomeId) {
        List<Integer> steps = new ArrayList<>();
        Step step = sop.firstStep();
        while (true) {
            steps.add(step.no());
            int no = step.no();
            Integer next;
            if (step.isDecision()) {
                List<Outcome> forward = step.outcomesOrEmpty().stream()
                        .filter(o -> !o.awaitApplicant() && o.next() > no).toList();
                next = forward.stream().filter(o -> o.id().equals(outcomeId)).findFirst().orElse(forward.get(0))
                        .next();
            } else {
                next = step.next();
            }
            if (next == null) {
                return steps;
            }
            step = sop.requireStep(next);
        }
    }

    private String outcomeTo(Step decision, List<Integer> path) {
        return decision.outcomesOrEmpty().stream().filter(o -> path.contains(o.next())).findFirst()
                .map(Outcome::id).orElseThrow();
    }
}
