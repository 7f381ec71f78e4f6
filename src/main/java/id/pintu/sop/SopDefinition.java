package id.pintu.sop;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Optional;

/**
 * One SOP-AP as data: the table's steps, their actors and mutu baku, and the transitions between them. Bound from
 * a file in {@code config/sop/} and validated at start-up (annotations here, graph rules in {@link SopValidator}).
 */
public record SopDefinition(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be lower-case letters, digits and dashes")
        String code,
        String number,
        @NotBlank String name,
        String office,
        String approvedBy,
        @Positive Integer version,
        List<String> columns,
        @NotEmpty @Valid List<Step> steps) {

    public int versionOrDefault() {
        return version == null ? 1 : version;
    }

    /** The same definition under another version number (a stored version keeps the number it was given). */
    public SopDefinition withVersion(Integer newVersion) {
        return new SopDefinition(code, number, name, office, approvedBy, newVersion, columns, steps);
    }

    public Optional<Step> step(int no) {
        return steps.stream().filter(s -> s.no() == no).findFirst();
    }

    public Step requireStep(int no) {
        return step(no).orElseThrow(() -> new IllegalArgumentException("SOP " + code + " has no step " + no));
    }

    @JsonIgnore
    public Step firstStep() {
        return steps.get(0);
    }
}
