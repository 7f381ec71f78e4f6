package id.pintu.sop.importer;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.sop.Actor;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.SopLoader;
import id.pintu.sop.Step;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedRoundTripImportTest {

    static final Path SEED_TABLE = Path.of("src/test/resources/sop/SOP-IX.2-30-penerbitan-izin-perluasan-usaha-industri.txt");
    static final Path HAND_WRITTEN = Path.of("config/sop/izin-perluasan-usaha-industri.yaml");

    static ValidatorFactory factory;
    static SopLoader loader;
    static Map<String, Actor> actors;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        factory = Validation.buildDefaultValidatorFactory();
        loader = new SopLoader(factory.getValidator());
        actors = loader.loadActors(Path.of("config/actors.yaml"));
    }

    @AfterAll
    static void tearDown() {
        factory.close();
    }

    @Test
    void seedTableWithAnswersGivesTheHandWrittenDefinition() throws IOException {
        ImportResult result = new SopImporter(actors).importTable(Files.readString(SEED_TABLE), Format.TSV,
                Answers.load(Path.of("src/test/resources/sop/seed-answers.yaml")));

        assertThat(result.questions()).isEmpty();
        Path out = tmp.resolve("imported.yaml");
        Files.writeString(out, result.yaml());
        SopDefinition imported = loader.load(out, actors);
        SopDefinition expected = loader.load(HAND_WRITTEN, actors);

        assertThat(imported.code()).isEqualTo(expected.code());
        assertThat(imported.number()).isEqualTo(expected.number());
        assertThat(imported.name()).isEqualTo(expected.name());
        assertThat(imported.office()).isEqualTo(expected.office());
        assertThat(imported.approvedBy()).isEqualTo(expected.approvedBy());
        assertThat(imported.version()).isEqualTo(expected.version());
        assertThat(imported.columns()).isEqualTo(expected.columns());
        assertThat(imported.steps()).hasSameSizeAs(expected.steps());
        for (int i = 0; i < expected.steps().size(); i++) {
            Step e = expected.steps().get(i);
            Step a = imported.steps().get(i);
            String at = "step " + e.no();
            assertThat(a.no()).as(at).isEqualTo(e.no());
            assertThat(a.name()).as(at + " name").isEqualTo(e.name());
            assertThat(a.actors()).as(at + " actors").isEqualTo(e.actors());
            assertThat(a.performer()).as(at + " performer").isEqualTo(e.performer());
            assertThat(a.kind()).as(at + " kind").isEqualTo(e.kind());
            assertThat(a.kelengkapan()).as(at + " kelengkapan").isEqualTo(e.kelengkapan());
            assertThat(a.waktu()).as(at + " waktu").isEqualTo(e.waktu());
            assertThat(a.duration()).as(at + " duration").isEqualTo(e.duration());
            assertThat(a.output()).as(at + " output").isEqualTo(e.output());
            assertThat(a.next()).as(at + " next").isEqualTo(e.next());
            assertThat(a.end()).as(at + " end").isEqualTo(e.end());
            assertThat(a.outcomes()).as(at + " outcomes").isEqualTo(e.outcomes());
        }
        assertThat(imported).isEqualTo(expected);
        // The record the importer returns is the one it wrote.
        assertThat(result.definition()).isEqualTo(expected);
    }

    @Test
    void seedHeaderListsAndMisalignmentAreReported() throws IOException {
        ImportResult result = new SopImporter(actors).importTable(Files.readString(SEED_TABLE), Format.TSV, Answers.none());

        assertThat(result.header().legalBasis()).hasSize(4);
        assertThat(result.header().legalBasis().get(0)).startsWith("Permendagri No. 52 Tahun 2011");
        assertThat(result.header().warnings()).hasSize(2);
        assertThat(result.header().equipment()).containsExactly("Komputer", "Kertas /Blangko", "ATK");
        assertThat(result.notes()).anyMatch(n -> n.contains("aligned by the data rows"));
        assertThat(result.yaml()).contains("#   1. Permendagri No. 52 Tahun 2011");
    }
}
