package id.pintu.sop.importer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.sop.EndStatus;
import id.pintu.sop.StepKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A person's answers to an import's questions: by question id ({@code questions: {q3: {next: 2}}}) or by step
 * ({@code steps: {2: {performer: front-office, outcomes: [...]}}}; {@code integration} names an external system's
 * effect of the step, which no table carries, e.g. {@code steps: {4: {integration: oss-register}}}), plus the definition's own fields the table does
 * not carry ({@code code}, {@code version}) or spells differently. Unknown keys are refused, so a typo is not an
 * answer that silently does nothing.
 */
public record Answers(
        String code,
        Integer version,
        String number,
        String name,
        String office,
        String approvedBy,
        Map<String, String> columns,
        Map<String, Answer> questions,
        Map<Integer, StepAnswer> steps) {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The answer to one question; which field counts depends on the question. */
    public record Answer(
            String actor,
            List<String> actors,
            String performer,
            String waktu,
            Integer next,
            EndStatus end,
            String id,
            String label,
            Boolean awaitApplicant) {}

    /** Fields of one step; outcomes merge by position with the ones the importer inferred. */
    public record StepAnswer(
            List<String> actors,
            String performer,
            StepKind kind,
            String waktu,
            Integer next,
            EndStatus end,
            List<OutcomeAnswer> outcomes,
            String integration) {}

    public record OutcomeAnswer(String id, String label, Integer next, Boolean awaitApplicant) {}

    public static Answers none() {
        return new Answers(null, null, null, null, null, null, Map.of(), Map.of(), Map.of());
    }

    public static Answers parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return none();
        }
        try {
            Answers a = YAML.readValue(yaml, Answers.class);
            return a == null ? none() : a.withDefaults();
        } catch (IOException e) {
            throw new IllegalArgumentException("answers file: " + e.getMessage(), e);
        }
    }

    public static Answers load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read answers file " + file, e);
        }
    }

    private Answers withDefaults() {
        return new Answers(code, version, number, name, office, approvedBy,
                columns == null ? Map.of() : columns,
                questions == null ? Map.of() : questions,
                steps == null ? Map.of() : steps);
    }
}
