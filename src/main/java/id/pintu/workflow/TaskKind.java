package id.pintu.workflow;

/**
 * A task is a visit of a step ({@code STEP}) or the applicant's clarification that a decision asked for
 * ({@code CLARIFICATION}: the office's clock stops until the applicant answers, then {@code resumeStep} follows).
 */
public enum TaskKind {
    STEP,
    CLARIFICATION
}
