package id.pintu.sla;

import java.time.Instant;

/**
 * One escalation that fired: level 1 reminds the task's actor, level 2 (the due date passed) tells the actor's
 * supervisor. Sent as JSON on {@code queue} through the outbox, so the message exists exactly when the level was
 * recorded in the database.
 *
 * @param id stable per task and level, so a repeated delivery can be recognised downstream
 * @param notifiedActor the actor whose queue gets the message (the task's actor, or its supervisor)
 * @param claimedBy the user holding the task when it escalated, if any
 */
public record Escalation(
        String id,
        String taskId,
        String applicationId,
        String trackingCode,
        String sopCode,
        int stepNo,
        String stepName,
        String actor,
        String claimedBy,
        int level,
        String notifiedActor,
        String queue,
        Instant enteredAt,
        Instant dueAt,
        Instant escalatedAt) {

    public static final int REMINDER = 1;
    public static final int BREACH = 2;

    /** A UUID derived from the task and the level (it is also the outbox row's id, which holds 36 characters). */
    public static String idOf(String taskId, int level) {
        return java.util.UUID.nameUUIDFromBytes(("escalation:" + taskId + ":" + level)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
