package id.pintu.sla;

import id.pintu.calendar.WorkingCalendar;
import id.pintu.sop.Outcome;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import id.pintu.workflow.Application;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * When the office's work on a case ends at the latest, if every remaining step takes its whole mutu baku: what an
 * applicant may hold the office to. From the open step's due date (or now, if it is overdue), each following step is
 * taken as entered when the one before it is due, on the office calendar, along every branch the SOP allows to an
 * end; the latest end counts. Not counted: the applicant's own steps and the waits for the applicant (a
 * clarification stops the office's clock), and a branch back to an earlier step (a dossier returned to the front
 * office), which would only repeat steps already counted.
 */
@Component
public class LatestFinish {

    /** A bound on the branches followed, so that no SOP, however tangled, makes a page slow. */
    static final int MAX_PATHS = 10_000;

    private final SopCatalog catalog;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public LatestFinish(SopCatalog catalog, WorkingCalendar calendar, Clock clock) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Empty when the case waits for the applicant, or has no open step of the office's. */
    public Optional<Instant> of(Application app, Task open) {
        if (open == null || !open.isOpen() || open.kind() != TaskKind.STEP || catalog.isApplicant(open.actor())) {
            return Optional.empty();
        }
        SopDefinition sop = catalog.require(app.sopCode(), app.sopVersion());
        Instant now = clock.instant();
        Instant from = open.dueAt().isBefore(now) ? now : open.dueAt();
        return latest(sop, open.stepNo(), from, calendar, catalog::isApplicant);
    }

    /**
     * For a mail or a document about the case: as {@link #of} for its open step of the office's; for a case just
     * submitted (no step after the first one entered yet), counted from the submission, as if the first step entered
     * then ({@link #fromSubmission}).
     */
    public Optional<Instant> forCase(Application app, List<Task> history) {
        Optional<Task> open = history.stream().filter(Task::isOpen).findFirst();
        if (open.isPresent()) {
            return of(app, open.get());
        }
        SopDefinition sop = catalog.require(app.sopCode(), app.sopVersion());
        int first = sop.firstStep().no();
        if (history.stream().anyMatch(t -> t.stepNo() != first)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return fromSubmission(sop, app.submittedAt().isBefore(now) ? now : app.submittedAt(), calendar,
                catalog::isApplicant);
    }

    /**
     * The latest end of a case whose first step entered at {@code start}: the first step's own time counts when it is
     * the office's (an SOP whose first step is the front office's registration), not when it is the applicant's
     * submission, which is done by then.
     */
    static Optional<Instant> fromSubmission(SopDefinition sop, Instant start, WorkingCalendar calendar,
            Predicate<String> isApplicant) {
        Step first = sop.firstStep();
        Instant due = isApplicant.test(first.performingActor()) ? start : calendar.dueAt(start, first.duration());
        return latest(sop, first.no(), due, calendar, isApplicant);
    }

    /**
     * The latest end over the SOP's forward paths from {@code stepNo}, whose own time ends at {@code due}; empty if
     * no path reaches an end without returning to a step already on it.
     */
    static Optional<Instant> latest(SopDefinition sop, int stepNo, Instant due, WorkingCalendar calendar,
            Predicate<String> isApplicant) {
        Walk walk = new Walk(sop, calendar, isApplicant);
        Set<Integer> onPath = new HashSet<>();
        onPath.add(stepNo);
        return walk.from(sop.requireStep(stepNo), due, onPath);
    }

    private static final class Walk {
        private final SopDefinition sop;
        private final WorkingCalendar calendar;
        private final Predicate<String> isApplicant;
        private int paths;

        Walk(SopDefinition sop, WorkingCalendar calendar, Predicate<String> isApplicant) {
            this.sop = sop;
            this.calendar = calendar;
            this.isApplicant = isApplicant;
        }

        Optional<Instant> from(Step step, Instant due, Set<Integer> onPath) {
            if (step.end() != null) {
                return Optional.of(due);
            }
            Optional<Instant> latest = Optional.empty();
            for (int n : forward(step)) {
                if (onPath.contains(n) || ++paths > MAX_PATHS) {
                    continue;
                }
                Step next = sop.requireStep(n);
                Instant nextDue = isApplicant.test(next.performingActor()) ? due : calendar.dueAt(due, next.duration());
                onPath.add(n);
                Optional<Instant> end = from(next, nextDue, onPath);
                onPath.remove(n);
                if (end.isPresent() && (latest.isEmpty() || end.get().isAfter(latest.get()))) {
                    latest = end;
                }
            }
            return latest;
        }

        /** The steps that may follow, leaving out the branches that wait for the applicant. */
        private static List<Integer> forward(Step step) {
            if (!step.isDecision()) {
                return step.successors();
            }
            List<Integer> next = new ArrayList<>();
            for (Outcome o : step.outcomesOrEmpty()) {
                if (!o.awaitApplicant()) {
                    next.add(o.next());
                }
            }
            return next;
        }
    }
}
