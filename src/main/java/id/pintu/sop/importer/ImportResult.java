package id.pintu.sop.importer;

import id.pintu.sop.SopDefinition;
import java.util.List;

/**
 * What one import produced. {@code yaml} is the definition file (with {@code # QUESTION} comments where the table
 * left something open); {@code definition} the same as a record, with nulls where questions remain; {@code notes}
 * what the importer inferred or noticed (misaligned columns, unknown actors), so nothing is decided silently.
 */
public record ImportResult(
        String yaml,
        SopDefinition definition,
        SopHeader header,
        List<Question> questions,
        List<String> notes) {

    /** True when nothing is left to answer: the file is meant to load as it is. */
    public boolean complete() {
        return questions.isEmpty();
    }

    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("SOP ").append(definition.number()).append(": ").append(definition.name())
                .append(" (code ").append(definition.code()).append(", ").append(definition.steps().size())
                .append(" steps, columns ").append(definition.columns()).append(")\n");
        if (!header.legalBasis().isEmpty()) {
            sb.append("Dasar hukum: ").append(header.legalBasis().size()).append(" item(s)\n");
        }
        if (!header.warnings().isEmpty()) {
            sb.append("Peringatan: ").append(header.warnings().size()).append(" item(s)\n");
        }
        sb.append("Notes (").append(notes.size()).append("):\n");
        notes.forEach(n -> sb.append("  - ").append(n).append('\n'));
        if (questions.isEmpty()) {
            sb.append("Questions: none, the definition is complete.\n");
        } else {
            sb.append("Questions (").append(questions.size())
                    .append(", answer them in an answers file; the loader refuses the file until then):\n");
            questions.forEach(q -> sb.append("  - ").append(q).append('\n'));
        }
        return sb.toString();
    }
}
