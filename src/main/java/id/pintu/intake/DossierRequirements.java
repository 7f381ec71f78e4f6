package id.pintu.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.sop.Outcome;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopConfigurationCheck;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.SopFileSet;
import id.pintu.sop.SopFiles;
import id.pintu.sop.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The documents an SOP's dossier must hold, from {@code <dossierDirectory>/<sop>.yaml} (office configuration), and
 * the matching of a file name to one of them. Read and checked at start-up (a requirement without key, label or
 * patterns, a key twice, a completeness step or outcome the SOP lacks stop the hub with a message naming the file);
 * while the hub runs, an edited, new or removed file is put in force by {@link id.pintu.sop.SopFilesReload} after the
 * same checks. A case already running is checked against the list in force when its dossier is looked at.
 */
@Component
@Order(3)
public class DossierRequirements implements SopFiles, SopConfigurationCheck {

    /**
     * @param patterns matched against the file's name
     * @param titles optional: phrases matched against the first words of a PDF's own text (its title), for a file
     *     whose name matches nothing ("scan001.pdf", "dokumen.pdf")
     */
    public record Requirement(String key, String label, List<String> patterns, List<String> titles) {

        public List<String> titlesOrEmpty() {
            return titles == null ? List.of() : titles;
        }
    }

    /** How many words from the start of a PDF's text count as its title. */
    static final int TITLE_WORDS = 40;

    public record Dossier(Integer completenessStep, String incompleteOutcome, List<Requirement> requirements) {

        public Optional<Requirement> find(String key) {
            return requirements.stream().filter(r -> r.key().equals(key)).findFirst();
        }

        /** The first requirement all of whose pattern words appear in the file name. */
        public Optional<Requirement> match(String fileName) {
            List<String> words = words(stripExtension(fileName));
            for (Requirement r : requirements) {
                for (String p : r.patterns()) {
                    if (words.containsAll(words(p))) {
                        return Optional.of(r);
                    }
                }
            }
            return Optional.empty();
        }

        /** Whether some requirement can be recognised by its title. */
        public boolean hasTitles() {
            return requirements.stream().anyMatch(r -> !r.titlesOrEmpty().isEmpty());
        }

        /**
         * The first requirement one of whose titles stands, word for word, among the first {@value #TITLE_WORDS} words
         * of a document's text: a title, not a mention further down (a letter of application names the NIB too).
         */
        public Optional<Requirement> matchTitle(String text) {
            List<String> words = words(text == null ? "" : text);
            List<String> head = words.subList(0, Math.min(TITLE_WORDS, words.size()));
            for (Requirement r : requirements) {
                for (String t : r.titlesOrEmpty()) {
                    if (java.util.Collections.indexOfSubList(head, words(t)) >= 0) {
                        return Optional.of(r);
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static final Dossier NONE = new Dossier(null, null, List.of());

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final SopFileSet<Dossier> bySop;

    public DossierRequirements(IntakeProperties properties, SopCatalog sops) {
        this.bySop = new SopFileSet<>("dossier", Path.of(properties.dossierDirectory()),
                SopFileSet.yaml(yaml, Dossier.class, sops, this::read));
        List<String> problems = bySop.reload().problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid dossier lists:\n  - " + String.join("\n  - ", problems));
        }
    }

    /** The SOP's dossier; an SOP without a file requires nothing in particular. */
    public Dossier of(String sopCode) {
        return bySop.get(sopCode).orElse(NONE);
    }

    @Override
    public SopFileSet<?> files() {
        return bySop;
    }

    /** The SOP's list in force must fit a version about to be installed (its completeness step and outcome). */
    @Override
    public List<String> problemsWith(SopDefinition candidate) {
        List<String> problems = new ArrayList<>();
        bySop.get(candidate.code()).ifPresent(d -> checkSteps(bySop.directory().resolve(candidate.code() + ".yaml"), d,
                candidate, problems));
        return problems;
    }

    private static void checkSteps(Path file, Dossier d, SopDefinition sop, List<String> problems) {
        if (d.completenessStep() != null) {
            Optional<Step> step = sop.step(d.completenessStep());
            if (step.isEmpty()) {
                problems.add(file + ", field completenessStep: SOP " + sop.code() + " has no step " + d.completenessStep());
            } else if (d.incompleteOutcome() != null && step.get().outcome(d.incompleteOutcome()).isEmpty()) {
                problems.add(file + ", field incompleteOutcome: step " + d.completenessStep() + " has no outcome '"
                        + d.incompleteOutcome() + "'; it has "
                        + step.get().outcomesOrEmpty().stream().map(Outcome::id).toList());
            }
        } else if (d.incompleteOutcome() != null) {
            problems.add(file + ", field incompleteOutcome: given without completenessStep");
        }
    }

    private Dossier read(SopDefinition sop, Path file, Dossier content, List<String> problems) {
        Dossier d = content;
        if (d == null) {
            d = NONE;
        }
        List<Requirement> reqs = d.requirements() == null ? List.of() : d.requirements();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < reqs.size(); i++) {
            Requirement r = reqs.get(i);
            if (r.key() == null || r.label() == null || r.patterns() == null || r.patterns().isEmpty()
                    || r.patterns().stream().anyMatch(p -> p == null || words(p).isEmpty())) {
                problems.add(file + ", requirement " + (i + 1) + ": needs key, label and patterns (each with a word)");
            } else if (r.titlesOrEmpty().stream().anyMatch(t -> t == null || words(t).isEmpty())) {
                problems.add(file + ", requirement " + (i + 1) + ", field titles: each title needs a word");
            } else if (!keys.add(r.key())) {
                problems.add(file + ", requirement " + (i + 1) + ", field key: '" + r.key() + "' twice");
            }
        }
        checkSteps(file, d, sop, problems);
        return problems.isEmpty() ? new Dossier(d.completenessStep(), d.incompleteOutcome(), List.copyOf(reqs)) : null;
    }

    static List<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
