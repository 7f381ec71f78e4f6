package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template the intake needs that is missing or has no subject line stops the hub at start-up with every such
 * problem named, instead of sending the first affected email to the review queue; the templates the repository ships
 * pass.
 */
class MailTemplatesRequiredTest {

    @TempDir
    Path dir;

    @Test
    void everyMissingOrBrokenTemplateIsNamed() throws Exception {
        Files.writeString(dir.resolve("diterima.txt"), "Subjek: [${trackingCode}] Diterima\n\nIsi.\n");
        Files.writeString(dir.resolve("sudah-diterima.txt"), "Permohonan sudah diterima\n\nIsi.\n");
        MailTemplates templates = templates(dir);

        assertThat(templates.problem("diterima")).isEmpty();
        assertThatThrownBy(() -> templates.require("email intake",
                        List.of("diterima", "sudah-diterima", "email-terlalu-besar", "../rahasia")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Mail templates the email intake needs")
                .hasMessageContaining("sudah-diterima.txt: the first line must be 'Subjek: ...'")
                .hasMessageContaining("no file " + dir.resolve("email-terlalu-besar.txt"))
                .hasMessageContaining("not a template name: '../rahasia'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(dir.resolve("diterima.txt") + ":"));
    }

    /** Saved by Notepad as "UTF-8 with BOM": the mark is not text; the subject is read and sent without it. */
    @Test
    void aByteOrderMarkBeforeTheSubjectIsNoProblem() throws Exception {
        Files.writeString(dir.resolve("diterima.txt"), "\uFEFFSubjek: [${trackingCode}] Diterima\r\n\r\nIsi.\r\n");
        MailTemplates templates = templates(dir);
        assertThat(templates.problem("diterima")).isEmpty();
        MailTemplates.Rendered r = templates.render("diterima", java.util.Map.of("trackingCode", "PTU-26-AAAAAAA"));
        assertThat(r.subject()).isEqualTo("[PTU-26-AAAAAAA] Diterima");
        assertThat(r.body()).startsWith("Isi.");
    }

    @Test
    void theShippedTemplatesHaveWhatTheIntakeNeeds() {
        MailTemplates shipped = templates(Path.of("config/mail/templates"));
        for (String name : List.of("balasan-tidak-terbaca", "diterima", "sudah-diterima", "email-terlalu-besar",
                "email-diterima", "jawaban-pesan", "laporan-mingguan", "penunjukan-plt-plh", "penunjukan-berakhir",
                "penunjukan-dibatalkan", "tugas-dialihkan")) {
            assertThat(shipped.problem(name)).as(name).isEmpty();
        }
    }

    private static MailTemplates templates(Path dir) {
        return new MailTemplates(new MailProperties("permohonan@pintu.local", "Kantor", "http://x", dir.toString(),
                dir.toString(), "pintu-mail", 1, null, null, null, null, null));
    }
}
