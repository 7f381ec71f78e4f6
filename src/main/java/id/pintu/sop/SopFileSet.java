package id.pintu.sop;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.common.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One feature's files per SOP, {@code <directory>/<sop code>.yaml} (a document plan, mail rules, a dossier), as the
 * hub runs on them. The feature reads them at start-up, where it refuses to start if one cannot be used, and
 * {@link #reload()} reads them again while the hub runs: each changed file that can be used is put in force on its
 * own, and one that cannot leaves what was in force for its SOP as it was.
 *
 * @param <T> what a file reads as
 */
public final class SopFileSet<T> {

    /**
     * Reads one file's text for the SOP it is named after; adds every problem, naming the file and field, to
     * {@code problems} and returns null when the file cannot be used.
     */
    @FunctionalInterface
    public interface Reader<T> {
        T read(String sopCode, Path file, String text, List<String> problems);
    }

    /**
     * Checks one file's content, read as YAML, for the SOP it is named after; adds every problem to {@code problems}
     * and returns null when the file cannot be used.
     */
    @FunctionalInterface
    public interface SopReader<F, T> {
        T read(SopDefinition sop, Path file, F content, List<String> problems);
    }

    /**
     * A reader of YAML files of {@code type} whose SOP must be installed; the YAML error or the missing SOP is the
     * file's problem, and {@code reader} checks the rest (content may be null for an empty file).
     */
    public static <F, T> Reader<T> yaml(ObjectMapper yaml, Class<F> type, SopCatalog sops, SopReader<F, T> reader) {
        return (sopCode, file, text, problems) -> {
            F content;
            try {
                content = yaml.readValue(text, type);
            } catch (IOException e) {
                problems.add(file + ": " + e.getMessage().lines().findFirst().orElse("not readable"));
                return null;
            }
            Optional<SopDefinition> sop = sops.find(sopCode);
            if (sop.isEmpty()) {
                problems.add(file + ": no SOP '" + sopCode + "' in the SOP catalog (the file is named after its SOP)");
                return null;
            }
            return reader.read(sop.get(), file, content, problems);
        };
    }

    /**
     * Checks whether the SOP's file, in force as {@code inForce}, may go now that it is no longer in the directory;
     * adds every problem its removal would cause to {@code problems} (then it stays in force).
     */
    @FunctionalInterface
    public interface RemovalCheck<T> {
        void check(String sopCode, Path file, T inForce, List<String> problems);
    }

    private record Loaded<T>(String fingerprint, T value) {}

    private final String kind;
    private final Path directory;
    private final Reader<T> reader;
    private final RemovalCheck<T> removal;
    private volatile Map<String, Loaded<T>> inForce = Map.of();

    /** Holds nothing until the first {@link #reload()}, which the feature calls at start-up. */
    public SopFileSet(String kind, Path directory, Reader<T> reader) {
        this(kind, directory, reader, (sopCode, file, value, problems) -> {});
    }

    /** As above; a file removed while the hub runs goes only if {@code removal} finds no problem. */
    public SopFileSet(String kind, Path directory, Reader<T> reader, RemovalCheck<T> removal) {
        this.kind = kind;
        this.directory = directory;
        this.reader = reader;
        this.removal = removal;
    }

    public String kind() {
        return kind;
    }

    public Path directory() {
        return directory;
    }

    /** The SOP's file in force, if it has one. */
    public Optional<T> get(String sopCode) {
        Loaded<T> l = inForce.get(sopCode);
        return l == null ? Optional.empty() : Optional.of(l.value());
    }

    /** The SOP codes with a file in force, sorted. */
    public List<String> sops() {
        return List.copyOf(new TreeMap<>(inForce).keySet());
    }

    /**
     * Reads the directory again: a new or edited file that can be used is in force when this returns, a removed
     * file's SOP has none from now on (unless the removal check refuses it), and a file that cannot be used is named
     * with its problems in the result while what was in force for its SOP stays.
     */
    public synchronized SopFiles.Change reload() {
        Map<String, String> texts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                    try {
                        texts.put(sopCode(f), Files.readString(f, StandardCharsets.UTF_8));
                    } catch (NoSuchFileException gone) {
                        // Removed between the listing and the read: as if it had not been listed.
                    } catch (IOException e) {
                        problems.add(f + ": not readable: " + e.getMessage());
                        texts.put(sopCode(f), null);
                    }
                }
            } catch (IOException e) {
                return new SopFiles.Change(List.of(), List.of(), List.of(),
                        List.of(directory + ": not readable: " + e.getMessage()));
            }
        }
        Map<String, Loaded<T>> before = inForce;
        Map<String, Loaded<T>> next = new LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        texts.forEach((sop, text) -> {
            Loaded<T> old = before.get(sop);
            if (text == null) {
                if (old != null) {
                    next.put(sop, old);
                }
                return;
            }
            String fingerprint = Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
            if (old != null && old.fingerprint().equals(fingerprint)) {
                next.put(sop, old);
                return;
            }
            List<String> its = new ArrayList<>();
            T value = reader.read(sop, directory.resolve(sop + ".yaml"), text, its);
            if (value == null || !its.isEmpty()) {
                problems.addAll(its.isEmpty() ? List.of(directory.resolve(sop + ".yaml") + ": cannot be used") : its);
                if (old != null) {
                    next.put(sop, old);
                }
                return;
            }
            next.put(sop, new Loaded<>(fingerprint, value));
            (old == null ? added : changed).add(sop);
        });
        before.keySet().stream().filter(sop -> !texts.containsKey(sop)).sorted().forEach(sop -> {
            List<String> its = new ArrayList<>();
            removal.check(sop, directory.resolve(sop + ".yaml"), before.get(sop).value(), its);
            if (its.isEmpty()) {
                removed.add(sop);
            } else {
                problems.addAll(its);
                next.put(sop, before.get(sop));
            }
        });
        inForce = Map.copyOf(next);
        return new SopFiles.Change(added, changed, removed, problems);
    }

    private static String sopCode(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".yaml".length());
    }
}
