package id.pintu.workflow;

import java.time.Instant;

/** An application (a case) as stored. */
public record Application(
        String id,
        String trackingCode,
        String sopCode,
        int sopVersion,
        CaseStatus status,
        String channel,
        Applicant applicant,
        Company company,
        String description,
        Instant submittedAt,
        Instant updatedAt,
        Instant closedAt) {

    public record Applicant(String name, String email, String phone) {}

    public record Company(String name, String nib, String npwp, String address, String kbli) {}
}
