package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.sop.SopDefinition;
import id.pintu.sop.SopLoader;
import id.pintu.workflow.Application;
import id.pintu.workflow.CaseStatus;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What an applicant typed is printed as their text, never as the letter's layout: a line of a template that starts
 * with "|" is a "label : value" row, so a description holding a line break and "| Masa Berlaku | Seumur hidup"
 * printed an official-looking row in the sealed permit, and a two-line address left its column.
 */
class ApplicantTextMakesNoRowsTest {

    @Test
    void aLineBreakInAValueStartsNoRowAndLeavesNoColumn() throws Exception {
        var validator = Validation.buildDefaultValidatorFactory().getValidator();
        SopLoader loader = new SopLoader(validator);
        SopDefinition sop = loader.load(Path.of("config/sop/izin-perluasan-usaha-industri.yaml"),
                loader.loadActors(Path.of("config/actors.yaml")));
        Application app = new Application("case-1", "PTU-26-ABCDEFG", sop.code(), sop.version(), CaseStatus.IN_PROGRESS,
                "api", new Application.Applicant("Budi\n| NIP | 1", "budi@contoh.co.id", "0812"),
                new Application.Company("PT Kopi", "9120001234567", "012345678901000",
                        "Jl. Sisingamangaraja No. 10\r\nSidikalang", "10761"),
                "Perluasan produksi.\n| Masa Berlaku | Seumur hidup\n\nParagraf kedua.", Instant.now(),
                Instant.now(), null);
        OfficeProfile office = new OfficeProfile("PEMERINTAH KABUPATEN DAIRI", "DPMPTSP", "Jl. Sidikalang", null,
                "Sidikalang", null);

        Map<String, String> facts = TemplateFacts.of(app, sop, null, List.of(), Optional.empty(), office,
                u -> Optional.empty(), Instant.now(), ZoneId.of("Asia/Jakarta"));

        assertThat(facts.get("companyAddress")).isEqualTo("Jl. Sisingamangaraja No. 10 Sidikalang");
        assertThat(facts.get("applicantName")).isEqualTo("Budi | NIP | 1");
        assertThat(facts.get("description")).as("printed in a row of the permit: one line")
                .isEqualTo("Perluasan produksi. | Masa Berlaku | Seumur hidup Paragraf kedua.");
        assertThat(TemplateFacts.noRows("Catatan:\n | bukan baris\nakhir")).as("a note keeps its lines, none a row")
                .isEqualTo("Catatan:\n / bukan baris\nakhir");
        assertThat(TemplateFacts.noRows("\u2003| Masa Berlaku | Seumur hidup"))
                .as("any white space the renderer strips")
                .isEqualTo("\u2003/ Masa Berlaku | Seumur hidup");

        String template = Files.readString(Path.of("config/templates/documents/surat-izin.txt"));
        String rendered = TemplateText.render(template, facts);
        assertThat(rendered.lines().filter(l -> l.strip().startsWith("|")).count()).as("the template's rows only")
                .isEqualTo(template.lines().filter(l -> l.strip().startsWith("|")).count());
        assertThat(rendered.lines()).noneMatch(l -> l.strip().startsWith("| Masa Berlaku"));
    }
}
