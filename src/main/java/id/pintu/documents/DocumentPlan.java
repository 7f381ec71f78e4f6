package id.pintu.documents;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;

/**
 * The papers of one SOP, from {@code config/documents/<sop>.yaml}: the documents, their numbering and what each
 * step does to them.
 */
public record DocumentPlan(
        @NotBlank String sop,
        Map<String, @Valid LetterType> letterTypes,
        @NotEmpty Map<String, @Valid Spec> documents,
        @NotEmpty List<@Valid Action> actions) {

    /** How a letter type is numbered; {@code {seq}}, {@code {year}}, {@code {month}}, {@code {romanMonth}}. */
    public record LetterType(@NotBlank String pattern) {}

    /**
     * One document.
     *
     * @param layout {@code letter} (Nomor, Lampiran, Perihal, Kepada Yth.) or {@code form} (a titled form)
     * @param template the body text's file in the templates directory
     * @param letterType the agenda book's letter type; only letters numbered at a {@code number} step have one
     * @param signatoryStep the step whose performer signs (name, rank and NIP in the signature block)
     */
    public record Spec(
            @NotBlank String title,
            @NotNull Layout layout,
            @NotBlank String template,
            @NotNull Audience audience,
            String letterType,
            @Positive Integer signatoryStep,
            String signatoryCaption,
            String lampiran,
            String perihal,
            List<String> addressee,
            @Positive Integer deliveredAt) {}

    public record Action(@Positive int step, @NotNull Trigger on, @NotBlank String document, @NotNull Role role) {}

    public enum Layout { LETTER, FORM }

    public enum Audience { STAFF, APPLICANT }

    public enum Trigger { ENTERED, COMPLETED }

    /** What a step does to a document. */
    public enum Role { ISSUE, DRAFT, PARAF, SIGN, NUMBER }
}
