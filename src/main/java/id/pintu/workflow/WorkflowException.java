package id.pintu.workflow;

/** A request the workflow refuses, with the reason the API turns into a status code. */
public class WorkflowException extends RuntimeException {

    public enum Reason {
        NOT_FOUND,
        FORBIDDEN,
        CONFLICT,
        UNPROCESSABLE
    }

    private final Reason reason;

    public WorkflowException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static WorkflowException notFound(String message) {
        return new WorkflowException(Reason.NOT_FOUND, message);
    }

    public static WorkflowException forbidden(String message) {
        return new WorkflowException(Reason.FORBIDDEN, message);
    }

    public static WorkflowException conflict(String message) {
        return new WorkflowException(Reason.CONFLICT, message);
    }

    public static WorkflowException unprocessable(String message) {
        return new WorkflowException(Reason.UNPROCESSABLE, message);
    }
}
