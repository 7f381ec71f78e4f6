package id.pintu.audit;

/** Audit actions that are not case events (those keep their event type, e.g. STEP_COMPLETED). */
public final class AuditActions {

    public static final String DOCUMENT_READ = "DOCUMENT_READ";
    public static final String DOCUMENT_PURGED = "DOCUMENT_PURGED";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";
    public static final String DEAD_LETTER_REDRIVEN = "DEAD_LETTER_REDRIVEN";
    public static final String CALENDAR_RELOADED = "CALENDAR_RELOADED";
    public static final String STAFF_RELOADED = "STAFF_RELOADED";
    public static final String SOP_FILES_RELOADED = "SOP_FILES_RELOADED";
    /** The front office recorded a dossier file as another required document (or as none). */
    public static final String DOSSIER_CORRECTED = "DOSSIER_CORRECTED";
    /** A supervisor put a held task back in its actor's inbox. */
    public static final String TASK_RELEASED = "TASK_RELEASED";
    /** A supervisor handed a task to a named member of staff. */
    public static final String TASK_REASSIGNED = "TASK_REASSIGNED";
    /** Staff corrected the applicant's contact or the applicant's and company's identity in a case (with why). */
    public static final String APPLICANT_DATA_CORRECTED = "APPLICANT_DATA_CORRECTED";
    /** Staff sent a mail the recipient's server had refused for good again (to a corrected address, or the same). */
    public static final String MAIL_RESENT = "MAIL_RESENT";
    /** Staff closed a refused mail without sending it again (the applicant reached another way). */
    public static final String MAIL_UNDELIVERABLE_CLOSED = "MAIL_UNDELIVERABLE_CLOSED";

    /** The front office answered an applicant's email from the hub (the answer went out by mail). */
    public static final String APPLICANT_MESSAGE_ANSWERED = "APPLICANT_MESSAGE_ANSWERED";
    /** The front office marked an applicant's email handled without a mail (answered by phone, at the counter). */
    public static final String APPLICANT_MESSAGE_HANDLED = "APPLICANT_MESSAGE_HANDLED";

    /** The head of office recorded what the office did about an applicant's survey suggestion. */
    public static final String SURVEY_SUGGESTION_FOLLOWED_UP = "SURVEY_SUGGESTION_FOLLOWED_UP";

    /** A member of staff downloaded a case's archive (its documents, history and audit entries as one ZIP). */
    public static final String CASE_ARCHIVE_EXPORTED = "CASE_ARCHIVE_EXPORTED";

    /** Staff leave recorded on the leave page (the user away, from, to, kind, note). */
    public static final String STAFF_LEAVE_RECORDED = "STAFF_LEAVE_RECORDED";
    /** Staff leave ended early (the user came back) or withdrawn before it began. */
    public static final String STAFF_LEAVE_ENDED = "STAFF_LEAVE_ENDED";

    /** An acting official (Plt/Plh) appointed on the leave page (the role, kind, days and the letter). */
    public static final String ACTING_APPOINTED = "ACTING_APPOINTED";
    /** An acting official's appointment ended early or withdrawn before it began. */
    public static final String ACTING_ENDED = "ACTING_ENDED";

    private AuditActions() {}
}
