package id.pintu.sla;

import id.pintu.calendar.WorkingCalendar;
import id.pintu.sop.MutuBaku;
import id.pintu.sop.Outcome;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.TaskStatus;
import id.pintu.workflow.WorkflowException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A case's deadlines: each open task's due date, the due date of the whole remaining path, and the fiktif-positif
 * deadline.
 * <ul>
 *   <li>Path: from the open task's due date, the sum of the mutu baku of the steps still to come, along the
 *       remaining branch that ends LATEST (for the seed SOP the reject branch, 8 h 15 min against 5 h 45 min). This is the
 *       promise the office can keep whatever the decisions; loops back (a returned dossier, a clarification) are
 *       not counted, as they restart the clock of the steps they repeat.</li>
 *   <li>Fiktif positif: {@code pintu.sla.fiktif-positif-days} working days from submission; the working time the
 *       case spent waiting for the applicant (its clarification tasks) does not count, so the deadline moves by it.
 *       While the case waits, the deadline keeps moving and the time left stays put.</li>
 * </ul>
 */
@Service
public class CaseSla {

    /** The most remaining paths weighed for a case's path due date. */
    static final int MAX_PATHS = 10_000;

    public record TaskDue(String taskId, int step, String name, String actor, String kind, Instant enteredAt,
            Instant dueAt, boolean overdue, long workingMinutesLeft, int escalationLevel, boolean escalates) {}

    public record PathDue(Instant dueAt, List<Integer> remainingSteps, String remainingMutuBaku, boolean clockStopped,
            String basis) {}

    public record FiktifPositif(int workingDays, Instant deadline, long pausedWorkingMinutes, boolean clockStopped,
            long workingMinutesLeft, boolean passed) {}

    public record View(String applicationId, String trackingCode, String sop, String status, Instant submittedAt,
            Instant closedAt, List<TaskDue> openTasks, PathDue path, FiktifPositif fiktifPositif) {}

    private final ApplicationRepository applications;
    private final TaskRepository tasks;
    private final EscalationRepository escalations;
    private final SopCatalog catalog;
    private final WorkingCalendar calendar;
    private final SlaProperties properties;
    private final Clock clock;

    public CaseSla(ApplicationRepository applications, TaskRepository tasks, EscalationRepository escalations,
            SopCatalog catalog, WorkingCalendar calendar, SlaProperties properties, Clock clock) {
        this.applications = applications;
        this.tasks = tasks;
        this.escalations = escalations;
        this.catalog = catalog;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    public View of(String applicationId) {
        Application app = applications.find(applicationId)
                .orElseThrow(() -> WorkflowException.notFound("no application " + applicationId));
        Instant now = clock.instant();
        List<Task> history = tasks.history(applicationId);
        List<Task> open = history.stream().filter(Task::isOpen).toList();
        Map<String, Integer> levels = escalations.levels(open.stream().map(Task::id).toList());
        List<TaskDue> dues = open.stream().map(t -> new TaskDue(t.id(), t.stepNo(), t.stepName(), t.actor(),
                t.kind().name(), t.enteredAt(), t.dueAt(), !now.isBefore(t.dueAt()),
                calendar.workingTimeLeft(now, t.dueAt()).toMinutes(), levels.getOrDefault(t.id(), 0),
                !catalog.isApplicant(t.actor()))).toList();
        SopDefinition sop = catalog.require(app.sopCode(), app.sopVersion());
        PathDue path = app.status().isOpen() && !open.isEmpty() ? path(sop, open.get(0), now) : null;
        return new View(app.id(), app.trackingCode(), app.sopCode(), app.status().name(), app.submittedAt(),
                app.closedAt(), dues, path, fiktifPositif(app, history, now));
    }

    PathDue path(SopDefinition sop, Task current, Instant now) {
        boolean waiting = current.kind() == TaskKind.CLARIFICATION;
        // While the applicant answers a clarification the office's clock stands still: project as if the answer
        // came now, starting again with the step it resumes.
        Instant start = waiting ? now : current.dueAt();
        List<List<Step>> branches = waiting
                ? branchesFrom(sop, sop.requireStep(current.resumeStep()), new HashSet<>(), new int[] {MAX_PATHS})
                : successorBranches(sop, sop.requireStep(current.stepNo()));
        Instant latest = start;
        List<Step> chosen = List.of();
        MutuBaku chosenSum = null;
        for (List<Step> branch : branches) {
            if (branch.isEmpty()) {
                continue;
            }
            MutuBaku sum = branch.stream().map(Step::duration).reduce(MutuBaku::plus).orElseThrow();
            Instant due = calendar.dueAt(start, sum);
            if (chosenSum == null || due.isAfter(latest)) {
                latest = due;
                chosen = branch;
                chosenSum = sum;
            }
        }
        return new PathDue(latest, chosen.stream().map(Step::no).toList(),
                chosenSum == null ? null : chosenSum.iso(), waiting,
                chosen.isEmpty() ? "the open step is the last one"
                        : "the remaining branch that ends latest, from the open step's due date");
    }

    private List<List<Step>> successorBranches(SopDefinition sop, Step step) {
        Set<Integer> visited = new HashSet<>(Set.of(step.no()));
        List<List<Step>> all = new ArrayList<>();
        int[] budget = {MAX_PATHS};
        for (Integer next : forward(step, visited)) {
            all.addAll(branchesFrom(sop, sop.requireStep(next), visited, budget));
        }
        if (all.isEmpty()) {
            all.add(List.of());
        }
        return all;
    }

    /**
     * Every simple path from {@code step} to an end, ignoring clarification loops and steps already on the path, up to
     * {@code budget} paths in all: an imported SOP of 25 decisions whose branches join again has 2^25 of them, and the
     * case's SLA view (an API call) built them all, as {@link LatestFinish} bounds its own walk.
     */
    private List<List<Step>> branchesFrom(SopDefinition sop, Step step, Set<Integer> visited, int[] budget) {
        Set<Integer> seen = new HashSet<>(visited);
        seen.add(step.no());
        List<Integer> nexts = forward(step, seen);
        List<List<Step>> result = new ArrayList<>();
        if (nexts.isEmpty()) {
            budget[0]--;
            result.add(List.of(step));
            return result;
        }
        for (Integer next : nexts) {
            if (budget[0] <= 0) {
                break;
            }
            for (List<Step> tail : branchesFrom(sop, sop.requireStep(next), seen, budget)) {
                List<Step> path = new ArrayList<>(tail.size() + 1);
                path.add(step);
                path.addAll(tail);
                result.add(path);
            }
        }
        return result;
    }

    private static List<Integer> forward(Step step, Set<Integer> visited) {
        if (step.isDecision()) {
            return step.outcomesOrEmpty().stream()
                    .filter(o -> !o.awaitApplicant())
                    .map(Outcome::next)
                    .filter(n -> !visited.contains(n))
                    .toList();
        }
        return step.next() == null || visited.contains(step.next()) ? List.of() : List.of(step.next());
    }

    FiktifPositif fiktifPositif(Application app, List<Task> history, Instant now) {
        Instant end = app.closedAt() != null ? app.closedAt() : now;
        Duration paused = Duration.ZERO;
        boolean waiting = false;
        for (Task t : history) {
            if (t.kind() != TaskKind.CLARIFICATION) {
                continue;
            }
            Instant until = t.status() == TaskStatus.OPEN ? end : t.completedAt();
            waiting |= t.status() == TaskStatus.OPEN;
            paused = paused.plus(calendar.workingTimeBetween(t.enteredAt(), until));
        }
        int days = properties.fiktifPositifDays();
        Instant deadline = calendar.dueAt(app.submittedAt(), new MutuBaku(days, Duration.ZERO));
        if (!paused.isZero()) {
            deadline = calendar.dueAt(deadline, new MutuBaku(0, paused));
        }
        boolean stopped = waiting && app.status() == CaseStatus.AWAITING_APPLICANT;
        return new FiktifPositif(days, deadline, paused.toMinutes(), stopped,
                calendar.workingTimeLeft(end, deadline).toMinutes(), end.isAfter(deadline));
    }
}
