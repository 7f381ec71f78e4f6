package id.pintu.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-SOP files of a feature as the hub runs on them: each file on its own, a broken edit keeps what was in force
 * for its SOP, an unchanged file is not read again, a removed one is gone (unless its removal check refuses), and
 * what cannot be read is named.
 */
class SopFileSetTest {

    @TempDir
    Path dir;

    int reads;

    /** A file's text as a number; anything else is a problem naming the file. */
    private Integer read(String sop, Path file, String text, List<String> problems) {
        reads++;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(file + ": not a number: " + text.strip());
            return null;
        }
    }

    @Test
    void eachFileGoesInOnItsOwnAndABrokenEditKeepsWhatWasInForce() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "1");
        Files.writeString(dir.resolve("b.yaml"), "2");
        Files.writeString(dir.resolve("notes.txt"), "not a file of the set");
        SopFileSet<Integer> set = new SopFileSet<>("numbers", dir, this::read);
        assertThat(set.sops()).as("nothing before the first reload").isEmpty();

        SopFiles.Change first = set.reload();
        assertThat(first.added()).containsExactly("a", "b");
        assertThat(first.problems()).isEmpty();
        assertThat(set.get("a")).contains(1);

        reads = 0;
        assertThat(set.reload().changesNothing()).isTrue();
        assertThat(reads).as("unchanged files are not parsed again").isZero();

        Files.writeString(dir.resolve("a.yaml"), "one");
        Files.writeString(dir.resolve("b.yaml"), "20");
        Files.writeString(dir.resolve("c.yaml"), "3");
        SopFiles.Change edited = set.reload();
        assertThat(edited.changed()).containsExactly("b");
        assertThat(edited.added()).containsExactly("c");
        assertThat(edited.problems()).singleElement().asString().contains("a.yaml: not a number: one");
        assertThat(set.get("a")).as("the broken edit changes nothing for its SOP").contains(1);
        assertThat(set.get("b")).contains(20);

        reads = 0;
        assertThat(set.reload().problems()).as("reported again until mended").hasSize(1);
        assertThat(reads).isEqualTo(1);

        Files.delete(dir.resolve("a.yaml"));
        Files.createDirectory(dir.resolve("d.yaml"));
        SopFiles.Change removed = set.reload();
        assertThat(removed.removed()).containsExactly("a");
        assertThat(removed.problems()).singleElement().asString().contains("d.yaml: not readable");
        assertThat(set.get("a")).isEmpty();
        assertThat(set.sops()).containsExactly("b", "c");
    }

    @Test
    void aRemovalTheCheckRefusesKeepsTheFileInForceUntilItAllowsIt() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "7");
        List<String> stillNeeded = new ArrayList<>(List.of("rule 1 attaches a's seven"));
        SopFileSet<Integer> set = new SopFileSet<>("numbers", dir, this::read,
                (sop, file, value, problems) -> stillNeeded.forEach(
                        n -> problems.add(file + " (" + value + "): " + n)));
        assertThat(set.reload().added()).containsExactly("a");

        Files.delete(dir.resolve("a.yaml"));
        SopFiles.Change refused = set.reload();
        assertThat(refused.removed()).isEmpty();
        assertThat(refused.problems()).containsExactly(dir.resolve("a.yaml") + " (7): rule 1 attaches a's seven");
        assertThat(set.get("a")).contains(7);

        stillNeeded.clear();
        SopFiles.Change removed = set.reload();
        assertThat(removed.removed()).containsExactly("a");
        assertThat(removed.problems()).isEmpty();
        assertThat(set.get("a")).isEmpty();
    }

    @Test
    void aMissingDirectoryHoldsNoFiles() {
        SopFileSet<Integer> set = new SopFileSet<>("numbers", dir.resolve("absent"), this::read);
        SopFiles.Change change = set.reload();
        assertThat(change.changesNothing()).isTrue();
        assertThat(change.problems()).isEmpty();
        assertThat(set.get("a")).isEmpty();
    }
}
