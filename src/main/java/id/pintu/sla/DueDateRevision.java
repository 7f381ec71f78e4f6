package id.pintu.sla;

import id.pintu.calendar.WorkingCalendar;
import id.pintu.workflow.TaskLimits;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.TaskRepository.OpenDue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every open task the due date the calendar in force now gives it: its limit counted from its entry, as when it
 * entered the inbox. A holiday the SKB adds moves the tasks whose time runs over it one working day later, a day
 * dropped moves them earlier. The escalation levels already fired stay fired; the scan judges the new due dates from
 * then on. Tasks are read in pages and each page is revised in one transaction with conditional updates, so hubs
 * revising at the same time, or a task completed meanwhile, change nothing twice.
 */
@Component
public class DueDateRevision {

    private static final Logger LOG = LoggerFactory.getLogger(DueDateRevision.class);
    private static final int PAGE = 500;
    private static final Duration SAME = Duration.ofMillis(1);

    /** What one revision did: tasks looked at, moved later, moved earlier, and left alone because unreadable. */
    public record Result(int examined, int later, int earlier, int skipped) {
        static final Result NONE = new Result(0, 0, 0, 0);

        Result plus(Result o) {
            return new Result(examined + o.examined, later + o.later, earlier + o.earlier, skipped + o.skipped);
        }
    }

    private record Move(OpenDue task, Instant to) {}

    private final TaskRepository tasks;
    private final TaskLimits limits;
    private final WorkingCalendar calendar;
    private final TransactionTemplate tx;

    public DueDateRevision(TaskRepository tasks, TaskLimits limits, WorkingCalendar calendar,
            TransactionTemplate tx) {
        this.tasks = tasks;
        this.limits = limits;
        this.calendar = calendar;
        this.tx = tx;
    }

    /** One pass over all open tasks. */
    public Result revise() {
        Result total = Result.NONE;
        String after = null;
        for (List<OpenDue> page = tasks.openDues(null, PAGE); !page.isEmpty();
                page = tasks.openDues(after, PAGE)) {
            after = page.get(page.size() - 1).id();
            total = total.plus(revise(page));
        }
        return total;
    }

    private Result revise(List<OpenDue> page) {
        List<Move> moves = new ArrayList<>();
        int skipped = 0;
        for (OpenDue t : page) {
            try {
                Instant due = calendar.dueAt(t.enteredAt(), limits.of(t.sopCode(), t.sopVersion(), t.stepNo(),
                        t.kind()));
                // Below a millisecond is the databases' rounding of the stored instant, not a change.
                if (Duration.between(t.dueAt(), due).abs().compareTo(SAME) >= 0) {
                    moves.add(new Move(t, due));
                }
            } catch (RuntimeException e) {
                skipped++;
                LOG.warn("Due date of task {} (step {} of {} v{}) not revised: {}", t.id(), t.stepNo(), t.sopCode(),
                        t.sopVersion(), e.toString());
            }
        }
        int[] laterEarlier = new int[2];
        if (!moves.isEmpty()) {
            tx.executeWithoutResult(status -> {
                for (Move m : moves) {
                    if (tasks.redate(m.task().id(), m.task().dueAt(), m.to())) {
                        laterEarlier[m.to().isAfter(m.task().dueAt()) ? 0 : 1]++;
                    }
                }
            });
        }
        return new Result(page.size(), laterEarlier[0], laterEarlier[1], skipped);
    }
}
