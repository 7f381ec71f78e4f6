package id.pintu.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Something that happened to a case, published after commit on the durable topic {@code pintu.events} for the
 * features that react to it (mail, documents, SLA, OSS). Delivery is at least once: a listener keys its own
 * effect on {@code eventId} (or on the task) so that a repeat does nothing.
 *
 * @param type SUBMITTED, STEP_ENTERED, STEP_COMPLETED or CASE_CLOSED
 * @param stepEnteredAt for STEP_COMPLETED: when the completed task was entered (null otherwise, and in events
 *     written before this field existed)
 * @param stepDueAt for STEP_COMPLETED: when the completed task was due by its mutu baku (null likewise)
 */
public record CaseEvent(
        String eventId,
        String type,
        String applicationId,
        String trackingCode,
        String sopCode,
        int sopVersion,
        String taskId,
        Integer stepNo,
        String actor,
        TaskKind taskKind,
        String outcome,
        String by,
        CaseStatus status,
        Instant at,
        Instant stepEnteredAt,
        Instant stepDueAt) {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String STEP_ENTERED = "STEP_ENTERED";
    public static final String STEP_COMPLETED = "STEP_COMPLETED";
    public static final String CASE_CLOSED = "CASE_CLOSED";

    /** A batch of events as published (their JSON texts), in order; one unreadable text fails the whole batch. */
    public static List<CaseEvent> readAll(ObjectMapper json, List<String> texts) throws JsonProcessingException {
        List<CaseEvent> events = new ArrayList<>(texts.size());
        for (String text : texts) {
            events.add(json.readValue(text, CaseEvent.class));
        }
        return events;
    }
}
