package id.pintu.sop;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Optional;

/**
 * A numbered row of the SOP table. {@code actors} are the columns its mark stands in; {@code performer} names who
 * does the work when several are marked. An activity has {@code next} or {@code end}; a decision has outcomes.
 * {@code integration} names an external system's effect (for example {@code oss-register}) that must be confirmed
 * before the next step starts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(
        @NotNull @Positive Integer no,
        @NotBlank String name,
        @NotEmpty List<@NotBlank String> actors,
        String performer,
        @NotNull StepKind kind,
        String kelengkapan,
        @NotBlank String waktu,
        @NotNull MutuBaku duration,
        String output,
        Integer next,
        EndStatus end,
        @Valid List<Outcome> outcomes,
        @jakarta.validation.constraints.Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case id")
        String integration) {

    /** The actor whose inbox gets this step's task. */
    @JsonIgnore
    public String performingActor() {
        return performer != null ? performer : actors.get(actors.size() - 1);
    }

    @JsonIgnore
    public boolean isDecision() {
        return kind == StepKind.decision;
    }

    @JsonIgnore
    public List<Outcome> outcomesOrEmpty() {
        return outcomes == null ? List.of() : outcomes;
    }

    public Optional<Outcome> outcome(String id) {
        return outcomesOrEmpty().stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** Step numbers this step can lead to. */
    @JsonIgnore
    public List<Integer> successors() {
        if (isDecision()) {
            return outcomesOrEmpty().stream().map(Outcome::next).filter(n -> n != null).toList();
        }
        return next == null ? List.of() : List.of(next);
    }
}
