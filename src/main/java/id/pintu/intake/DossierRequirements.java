package id.pintu.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The documents an SOP's dossier must hold, from {@code <dossierDirectory>/<sop>.yaml} (office configuration), and
 * the matching of a file name to one of them.
 */
@Component
public class DossierRequirements {

    public record Requirement(String key, String label, List<String> patterns) {}

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
    }

    private static final Dossier NONE = new Dossier(null, null, List.of());

    private final Path directory;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final Map<String, Dossier> bySop = new ConcurrentHashMap<>();

    public DossierRequirements(IntakeProperties properties) {
        this.directory = Path.of(properties.dossierDirectory());
    }

    /** The SOP's dossier; an SOP without a file requires nothing in particular. */
    public Dossier of(String sopCode) {
        return bySop.computeIfAbsent(sopCode, this::load);
    }

    private Dossier load(String sopCode) {
        Path file = directory.resolve(sopCode + ".yaml");
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            Dossier d = yaml.readValue(file.toFile(), Dossier.class);
            List<Requirement> reqs = d.requirements() == null ? List.of() : d.requirements();
            for (int i = 0; i < reqs.size(); i++) {
                Requirement r = reqs.get(i);
                if (r.key() == null || r.label() == null || r.patterns() == null || r.patterns().isEmpty()) {
                    throw new IllegalStateException(file + ": requirement " + (i + 1) + " needs key, label and patterns");
                }
            }
            return new Dossier(d.completenessStep(), d.incompleteOutcome(), reqs);
        } catch (IOException e) {
            throw new IllegalStateException("dossier " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static List<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
