package id.pintu.workflow;

import java.util.EnumSet;
import java.util.Set;

/** Where an application stands. The first two are open; the rest are final. */
public enum CaseStatus {
    IN_PROGRESS,
    AWAITING_APPLICANT,
    ISSUED,
    REJECTED,
    WITHDRAWN,
    ABANDONED;

    public static final Set<CaseStatus> OPEN = EnumSet.of(IN_PROGRESS, AWAITING_APPLICANT);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
