package id.pintu.sop;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One branch of a decision step. With {@code awaitApplicant} the case first waits for the applicant (a
 * clarification task for {@code pemohon}; the office's clock stops) and then enters {@code next}.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Outcome(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case id") String id,
        @NotBlank String label,
        @NotNull Integer next,
        boolean awaitApplicant) {}
