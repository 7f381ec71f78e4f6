package id.pintu.workflow;

import id.pintu.sop.MutuBaku;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.Step;
import org.springframework.stereotype.Component;

/**
 * The time limit a task has, from which the office calendar makes its due date: the step's mutu baku, or for the
 * applicant's clarification {@code pintu.workflow.clarification-limit}. One place, so that a task entering an inbox
 * and a due date revised after a calendar change count the same limit.
 */
@Component
public class TaskLimits {

    private final SopCatalog catalog;
    private final MutuBaku clarification;

    public TaskLimits(SopCatalog catalog, WorkflowProperties properties) {
        this.catalog = catalog;
        this.clarification = MutuBaku.parse(properties.clarificationLimit());
    }

    public MutuBaku of(Step step, TaskKind kind) {
        return kind == TaskKind.CLARIFICATION ? clarification : step.duration();
    }

    /** The limit of a task at step {@code stepNo} of that SOP version; fails if the version or step is unknown. */
    public MutuBaku of(String sopCode, int sopVersion, int stepNo, TaskKind kind) {
        return kind == TaskKind.CLARIFICATION ? clarification
                : catalog.require(sopCode, sopVersion).requireStep(stepNo).duration();
    }
}
