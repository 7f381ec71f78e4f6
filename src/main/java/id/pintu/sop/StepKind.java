package id.pintu.sop;

/** The flowchart symbol in the SOP table: {@code □} an activity, {@code ◇} a decision. */
public enum StepKind {
    activity,
    decision
}
