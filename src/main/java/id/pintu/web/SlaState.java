package id.pintu.web;

/** How a task stands against its mutu baku, as the inbox colours it (always with a word, never colour alone). */
public enum SlaState {
    ON_TIME,
    DUE_SOON,
    OVERDUE,
    ESCALATED;

    /** The CSS class and message key suffix. */
    public String css() {
        return name().toLowerCase().replace('_', '-');
    }
}
