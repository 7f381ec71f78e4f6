package id.pintu.sop;

/** How a case ends when the last step of a branch is done. */
public enum EndStatus {
    ISSUED,
    REJECTED
}
