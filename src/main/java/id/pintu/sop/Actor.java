package id.pintu.sop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A role that performs SOP steps. Actors are shared by every SOP of the office, so one actor has one durable
 * queue and one inbox for all services. {@code applicant} marks the actor that stands for the applicant (no staff
 * login; reached by email and a secret token).
 */
public record Actor(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case id") String id,
        @NotBlank String name,
        boolean applicant) {}
