package id.pintu.web;

import java.time.Duration;
import java.time.Instant;

/**
 * One open task as an inbox page lists it.
 *
 * @param applicantMessages the case's emails from the applicant that no one has answered or marked handled yet
 */
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
        String sopCode,
        int applicantMessages) {}
