package id.pintu.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A definition the office did not mean must never run: each broken file is refused with a message that names the
 * file, the step and the field. The seed definition itself loads.
 */
class SopLoaderRejectsBrokenDefinitionsTest {

    private static final Path SEED = Path.of("config/sop/izin-perluasan-usaha-industri.yaml");
    private static Validator validator;
    private static Map<String, Actor> actors;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        validator = Validation.buildDefaultValidatorFactory().getValidator();
        actors = new SopLoader(validator).loadActors(Path.of("config/actors.yaml"));
    }

    @Test
    void seedLoadsWithAllTwentyFiveSteps() {
        SopDefinition sop = new SopLoader(validator).load(SEED, actors);
        assertThat(sop.steps()).hasSize(25);
        assertThat(sop.requireStep(8).outcome("recommend").orElseThrow().next()).isEqualTo(16);
        assertThat(sop.requireStep(8).outcome("reject").orElseThrow().next()).isEqualTo(9);
        assertThat(sop.requireStep(2).outcome("incomplete").orElseThrow().awaitApplicant()).isTrue();
        assertThat(sop.requireStep(13).actors()).containsExactly("kadis");
        assertThat(sop.requireStep(3).performingActor()).isEqualTo("front-office");
        assertThat(sop.requireStep(7).duration()).isEqualTo(MutuBaku.parse("P2D"));
    }

    @Test
    void unknownTargetStepIsNamed() throws IOException {
        assertRefused(seedWith("next: 16\n", "next: 99\n"),
                "step 8, field outcomes[0].next: refers to step 99, which does not exist");
    }

    @Test
    void unknownActorIsNamed() throws IOException {
        assertRefused(seedWith("actors: [sekretaris]\n    kind: activity\n    kelengkapan: Draf Surat Penolakan Berparaf",
                        "actors: [bupati]\n    kind: activity\n    kelengkapan: Draf Surat Penolakan Berparaf"),
                "step 12, field actors: unknown actor 'bupati'");
    }

    @Test
    void badDurationIsNamed() throws IOException {
        assertRefused(seedWith("duration: P2D", "duration: two days"), "step 7, field duration:");
    }

    @Test
    void durationThatContradictsWaktuIsNamed() throws IOException {
        assertRefused(seedWith("duration: P2D", "duration: PT2H"),
                "step 7, field duration: PT2H does not match waktu '2 Hari'");
    }

    @Test
    void missingNameIsNamed() throws IOException {
        assertRefused(seedWith("    name: Peninjauan lapangan\n", ""), "step 7, field name: must not be blank");
    }

    @Test
    void unreachableStepIsNamed() throws IOException {
        // Step 6 now jumps to 8, so 7 can no longer be reached.
        assertRefused(seedWith("output: Surat Rekomendasi\n    next: 7", "output: Surat Rekomendasi\n    next: 8"),
                "step 7, field no: unreachable from step 1");
    }

    @Test
    void loopWithoutEndIsNamed() throws IOException {
        assertRefused(seedWith("end: REJECTED", "next: 14"), "step 15, field next: no path from here reaches an end step");
    }

    /** Every branch ends, but none with the permit: every case would end rejected. */
    @Test
    void aDefinitionThatNeverIssuesIsRefused() throws IOException {
        assertRefused(seedWith("end: ISSUED", "end: REJECTED"), "field steps: no step ends ISSUED");
    }

    @Test
    void decisionWithOneOutcomeIsNamed() throws IOException {
        String text = Files.readString(SEED);
        int start = text.indexOf("      - id: returned");
        int end = text.indexOf("  - no: 6");
        assertRefused(text.substring(0, start) + text.substring(end),
                "step 5, field outcomes: a decision needs at least two outcomes");
    }

    @Test
    void typoInAFieldNameIsNamed() throws IOException {
        assertRefused(seedWith("kelengkapan: Hasil Penilaian", "kelengkapn: Hasil Penilaian"), "step 8, field kelengkapn");
    }

    @Test
    void severalMarkedActorsNeedAPerformer() throws IOException {
        assertRefused(seedWith("actors: [pemohon, front-office]\n    performer: front-office\n    kind: activity\n    kelengkapan: Berkas Lengkap",
                        "actors: [pemohon, front-office]\n    kind: activity\n    kelengkapan: Berkas Lengkap"),
                "step 3, field performer: several actors are marked");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        assertRefused("", "empty or not a YAML mapping");
    }

    private String seedWith(String find, String replace) throws IOException {
        String text = Files.readString(SEED);
        assertThat(text).as("the test's anchor text").contains(find);
        return text.replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace));
    }

    private void assertRefused(String content, String expected) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, content);
        assertThatThrownBy(() -> new SopLoader(validator).load(file, actors))
                .isInstanceOf(SopDefinitionException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(expected);
    }
}
