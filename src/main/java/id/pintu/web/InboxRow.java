package id.pintu.web;

import java.time.Duration;
import java.time.Instant;

/** One open task as an inbox page lists it. */
public record InboxRow(
        String taskId,
        String applicationId,
        String actor,
        String trackingCode,
        int stepNo,
        String stepName,
        String kind,
        Instant enteredAt,
        Instant dueAt,
        String claimedBy,
        String applicantName,
        String companyName,
        int escalationLevel,
        SlaState state,
        Duration left,
        String sopCode) {}
