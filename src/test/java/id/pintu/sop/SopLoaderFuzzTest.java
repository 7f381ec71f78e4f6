package id.pintu.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever an editor does to a definition file, the loader either loads it or refuses it with a
 * {@link SopDefinitionException} whose message names the file; it never throws anything else and never hangs.
 * Checked on seeded random mutations of the seed SOP (the seed is printed on failure, so a case can be replayed).
 */
class SopLoaderFuzzTest {

    private static final Path SEED = Path.of("config/sop/izin-perluasan-usaha-industri.yaml");
    private static final int RUNS = Integer.getInteger("pintu.fuzz.runs", 600);
    private static final String[] TOKENS = {":", "- ", "  ", "\t", "{", "}", "[", "]", "&a ", "*a", "!!str ", "!!binary ",
            "|", ">", "#", "'", "\"", "\\", "~", "null", "-1", "99999999999999999999", "1e400", "P-1D", "PT0S",
            "next: 0", "no: 1", "kind: decision", "end: ISSUED", "\u0000", "\uFEFF", "Ä", "%YAML 1.1\n", "---\n", "...\n",
            "<<: *a\n", "? ", "@", "`"};

    @TempDir
    Path dir;

    @Test
    void mutatedDefinitionsLoadOrAreRefusedByName() throws IOException {
        SopLoader loader = new SopLoader(Validation.buildDefaultValidatorFactory().getValidator());
        Map<String, Actor> actors = loader.loadActors(Path.of("config/actors.yaml"));
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        long base = Long.getLong("pintu.fuzz.seed", 20_261_128L);
        int loaded = 0;
        for (int run = 0; run < RUNS; run++) {
            long s = base + run;
            String mutated = mutate(seed, new Random(s));
            Path file = dir.resolve("sop-" + run + ".yaml");
            Files.writeString(file, mutated, StandardCharsets.UTF_8);
            try {
                SopDefinition sop = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> loader.load(file, actors),
                        () -> "hangs on seed " + s);
                assertThat(sop.steps()).as("seed %d", s).isNotEmpty();
                loaded++;
            } catch (SopDefinitionException e) {
                assertThat(e.getMessage()).as("seed %d", s).contains(file.toString());
            } catch (Throwable t) {
                throw new AssertionError("seed " + s + " threw " + t + "\n--- file ---\n" + mutated, t);
            }
        }
        // Some mutations (a changed comment or name) must still load, or the mutator only tests the YAML parser.
        assertThat(loaded).isPositive().isLessThan(RUNS);
    }

    private static String mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int i = r.nextInt(lines.size());
            String line = lines.get(i);
            switch (r.nextInt(8)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> Collections.swap(lines, i, r.nextInt(lines.size()));
                case 3 -> {
                    int at = line.isEmpty() ? 0 : r.nextInt(line.length());
                    lines.set(i, line.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + line.substring(at));
                }
                case 4 -> lines.set(i, line.isEmpty() ? line : line.substring(0, r.nextInt(line.length())));
                case 5 -> lines.set(i, line.replaceAll("\\d+", String.valueOf(r.nextInt(40) - 5)));
                case 6 -> lines.set(i, line.replaceFirst("^( *)", "$1" + " ".repeat(r.nextInt(3))));
                default -> lines.set(i, line.replace("  #", "  # diubah"));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        String out = String.join("\n", lines);
        return r.nextInt(20) == 0 ? out.substring(0, r.nextInt(out.length() + 1)) : out;
    }
}
