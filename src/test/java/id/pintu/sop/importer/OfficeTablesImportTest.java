package id.pintu.sop.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pintu.sop.Actor;
import id.pintu.sop.EndStatus;
import id.pintu.sop.MutuBaku;
import id.pintu.sop.Outcome;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.SopDefinitionException;
import id.pintu.sop.SopLoader;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two more SOPs of the office, with new actors, loops, days and weeks, and one in CSV form. */
class OfficeTablesImportTest {

    static final Path DIR = Path.of("src/test/resources/sop");
    static final Path REKLAME = DIR.resolve("SOP-IX.2-41-penerbitan-izin-reklame.txt");
    static final Path BIDAN = DIR.resolve("SOP-IX.3-12-penerbitan-surat-izin-praktik-bidan.csv");

    static ValidatorFactory factory;
    static SopLoader loader;
    static Map<String, Actor> officeActors;
    static Map<String, Actor> testActors;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        factory = Validation.buildDefaultValidatorFactory();
        loader = new SopLoader(factory.getValidator());
        // The actors before the office added those of its further SOPs: the new columns must raise questions.
        officeActors = loader.loadActors(DIR.resolve("seed-actors.yaml"));
        testActors = loader.loadActors(DIR.resolve("test-actors.yaml"));
    }

    @AfterAll
    static void tearDown() {
        factory.close();
    }

    private ImportResult importFile(Path table, Format format, Answers answers) throws IOException {
        return new SopImporter(officeActors).importTable(Files.readString(table), format, answers);
    }

    private SopDefinition load(ImportResult result, Map<String, Actor> actors) throws IOException {
        Path file = tmp.resolve(result.definition().code() + ".yaml");
        Files.writeString(file, result.yaml());
        return loader.load(file, actors);
    }

    @Test
    void reklameWithoutAnswersAsksAndTheLoaderRefusesTheFile() throws IOException {
        ImportResult result = importFile(REKLAME, Format.TSV, Answers.none());

        assertThat(result.complete()).isFalse();
        assertThat(result.questions()).extracting(Question::id, Question::step, Question::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("q1", null, "columns"),
                org.assertj.core.groups.Tuple.tuple("q2", 2, "outcomes[1].next"),
                org.assertj.core.groups.Tuple.tuple("q3", 4, "outcomes[1].next"),
                org.assertj.core.groups.Tuple.tuple("q4", 11, "performer"));
        assertThat(result.questions().get(0).text()).contains("'Tim Survei Reklame'", "'tim-survei-reklame'");
        assertThat(result.yaml())
                .contains("# QUESTION q3: decision 'Survei lokasi titik reklame'")
                .contains("# QUESTION q4: several actors are marked [□ pemohon, □ front-office]");
        assertThat(result.report()).contains("Questions (4", "q3 (step 4, outcomes[1].next)");
        // Inferred, and said so: the rejection branch of step 6 and how each branch ends.
        SopDefinition draft = result.definition();
        assertThat(draft.requireStep(6).outcomes()).extracting(Outcome::next).containsExactly(9, 7);
        assertThat(draft.requireStep(8).end()).isEqualTo(EndStatus.REJECTED);
        assertThat(draft.requireStep(11).end()).isEqualTo(EndStatus.ISSUED);
        assertThat(result.yaml()).contains("# inferred: steps 7-8 mention a rejection");

        assertThatThrownBy(() -> load(result, testActors))
                .isInstanceOf(SopDefinitionException.class)
                .hasMessageContaining("step 2, field outcomes[1].next: must not be null")
                .hasMessageContaining("step 4, field outcomes[1].next: must not be null");
    }

    @Test
    void reklameWithAnswersLoadsWithItsNewActorAndLoopsBack() throws IOException {
        ImportResult result = importFile(REKLAME, Format.TSV, Answers.load(DIR.resolve("reklame-answers.yaml")));

        assertThat(result.questions()).isEmpty();
        assertThat(result.notes()).anyMatch(n -> n.contains("actor 'tim-survei-reklame'") && n.contains("not in the actors file"));
        assertThatThrownBy(() -> load(result, officeActors)).hasMessageContaining("unknown actor 'tim-survei-reklame'");

        SopDefinition sop = load(result, testActors);
        assertThat(sop).isEqualTo(result.definition());
        assertThat(sop.code()).isEqualTo("izin-reklame");
        assertThat(sop.version()).isEqualTo(2);
        assertThat(sop.name()).isEqualTo("Penerbitan Izin Reklame");
        assertThat(sop.columns()).containsExactly("pemohon", "front-office", "tim-survei-reklame", "kabid-pelayanan", "kadis");
        assertThat(sop.requireStep(4).outcomes()).containsExactly(
                new Outcome("suitable", "Titik reklame sesuai tata ruang", 5, false),
                new Outcome("unsuitable", "Titik reklame tidak sesuai, pemohon memperbaiki desain atau lokasi", 2, true));
        assertThat(sop.requireStep(4).duration()).isEqualTo(new MutuBaku(3, Duration.ZERO));
        assertThat(sop.requireStep(9).duration()).isEqualTo(new MutuBaku(5, Duration.ZERO));
        assertThat(sop.requireStep(10).duration()).isEqualTo(MutuBaku.parse("P1D"));
        assertThat(sop.requireStep(11).performer()).isEqualTo("front-office");
        assertThat(sop.requireStep(7).next()).isEqualTo(8);
        assertThat(result.header().warnings()).hasSize(1);
        assertThat(result.header().equipment()).containsExactly("Komputer", "Kamera", "Meteran");
    }

    @Test
    void bidanCsvReadsLoopsFromKetAndAsksOnlyForTheNewActor() throws IOException {
        ImportResult bare = importFile(BIDAN, Format.CSV, Answers.none());
        assertThat(bare.questions()).singleElement()
                .satisfies(q -> assertThat(q.text()).contains("'Verifikator Dinas Kesehatan'"));

        ImportResult result = importFile(BIDAN, Format.CSV, Answers.load(DIR.resolve("bidan-answers.yaml")));
        assertThat(result.questions()).isEmpty();
        SopDefinition sop = load(result, testActors);
        assertThat(sop.code()).isEqualTo("surat-izin-praktik-bidan");
        assertThat(sop.name()).isEqualTo("Penerbitan Surat Izin Praktik Bidan");
        assertThat(sop.requireStep(1).kelengkapan()).isEqualTo("Formulir, STR, Rekomendasi IBI, Surat Keterangan Sehat");
        assertThat(sop.requireStep(3).name()).isEqualTo("Verifikasi dokumen \"STR\" dan rekomendasi organisasi profesi");
        assertThat(sop.requireStep(3).actors()).containsExactly("verifikator-dinkes");
        assertThat(sop.requireStep(3).outcomes()).extracting(Outcome::next).containsExactly(4, 1);
        assertThat(sop.requireStep(5).outcomes()).extracting(Outcome::next).containsExactly(6, 4);
        assertThat(sop.requireStep(2).duration()).isEqualTo(MutuBaku.parse("PT1H30M"));
        assertThat(sop.requireStep(3).duration()).isEqualTo(MutuBaku.parse("P2D"));
        assertThat(sop.requireStep(4).duration()).isEqualTo(MutuBaku.parse("P5D"));
        assertThat(sop.requireStep(7).end()).isEqualTo(EndStatus.ISSUED);
        assertThat(result.yaml()).contains("# inferred: Ket says 'Jika tidak lengkap kembali ke langkah 1'");
    }

    /**
     * Rejection rows after the approval branch's last step, reached by an answer rather than by their decision's
     * next row: the importer asks whether that step ends the case, instead of chaining the approved case into the
     * rejection letter.
     */
    @Test
    void theApprovalBranchIsNotChainedIntoRejectionRows() throws IOException {
        String table = Files.readString(BIDAN)
                + "8,Penandatanganan Surat Penolakan,,,,,□,Draf Surat Penolakan,2 jam,Surat Penolakan,\n"
                + "9,Surat Penolakan diterima Pemohon,□,,,,,Surat Penolakan,30 Menit,Surat Penolakan Diterima,\n";
        ImportResult result = new SopImporter(testActors).importTable(table, Format.CSV, Answers.parse(""));
        assertThat(result.complete()).isFalse();
        assertThat(result.questions()).anySatisfy(q -> {
            assertThat(q.step()).isEqualTo(7);
            assertThat(q.text()).contains("rows that mention a rejection").contains("end: ISSUED");
        });
        assertThat(result.yaml()).doesNotContain("next: 8\n  - no: 8");
    }

    /** An integration answered for a decision is kept, so the loader refuses it by name: it was dropped unseen. */
    @Test
    void anIntegrationOnADecisionIsRefusedNotDropped() throws IOException {
        ImportResult result = importFile(BIDAN, Format.CSV, Answers.parse("""
                code: surat-izin-praktik-bidan
                questions:
                  q1: {actor: verifikator-dinkes}
                steps:
                  5: {integration: oss-status}
                """));
        assertThat(result.yaml()).contains("integration: oss-status");
        assertThatThrownBy(() -> load(result, testActors)).isInstanceOf(SopDefinitionException.class)
                .hasMessageContaining("step 5").hasMessageContaining("integration");
    }

    @Test
    void answersForQuestionsTheImportDoesNotAskAreReportedNotIgnored() throws IOException {
        ImportResult result = importFile(BIDAN, Format.CSV, Answers.parse("""
                questions:
                  q1: {actor: verifikator-dinkes}
                  q9: {performer: kadis}
                steps:
                  99: {end: ISSUED}
                """));
        assertThat(result.notes()).anyMatch(n -> n.contains("question q9 is not asked"))
                .anyMatch(n -> n.contains("step 99 is not in the table"));
        assertThatThrownBy(() -> Answers.parse("steps: {2: {performr: kadis}}"))
                .hasMessageContaining("performr");
    }

    @Test
    void commandWritesTheFileAndPrintsTheReport() throws IOException {
        Path out = tmp.resolve("out/izin.yaml");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int rc = ImportSopCommand.run(new String[] {
                "--in", SeedRoundTripImportTest.SEED_TABLE.toString(),
                "--answers", DIR.resolve("seed-answers.yaml").toString(),
                "--out", out.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(rc).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Questions: none", "SopLoader: the definition loads.");
        assertThat(loader.load(out, officeActors).code()).isEqualTo("izin-perluasan-usaha-industri");

        int refused = ImportSopCommand.run(new String[] {"--in", REKLAME.toString(), "--out", tmp.resolve("r.yaml").toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(refused).isEqualTo(2);
        assertThat(ImportSopCommand.run(new String[] {"--format", "xls"}, System.out, new PrintStream(stderr))).isEqualTo(1);
    }
}
