package id.pintu.workflow;

public enum TaskStatus {
    OPEN,
    COMPLETED,
    CANCELLED
}
