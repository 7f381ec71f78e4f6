package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values written into a template are text, never template: a company called "${trackingCode}" stays so, and a
 * value with a line break cannot add a header to the subject.
 */
class MailTemplateValuesNotExpandedTest {

    @TempDir
    Path dir;

    @Test
    void placeholdersInValuesAreNotExpandedAndSubjectsStayOneLine() throws Exception {
        Files.writeString(dir.resolve("uji.txt"), "Subjek: [${trackingCode}] ${companyName}\n\nPT ${companyName}, kode ${trackingCode}.\n");
        MailProperties props = new MailProperties("permohonan@pintu.local", "Kantor", "http://x", dir.toString(),
                dir.toString(), "pintu-mail", 1, null, null, null, null, null);
        MailTemplates templates = new MailTemplates(props);

        MailTemplates.Rendered r = templates.render("uji", Map.of("trackingCode", "PTU-26-ABCDEFG",
                "companyName", "${trackingCode}\r\nBcc: korban@contoh.co.id"));

        assertThat(r.subject()).isEqualTo("[PTU-26-ABCDEFG] ${trackingCode} Bcc: korban@contoh.co.id")
                .doesNotContain("\n", "\r");
        assertThat(r.body()).startsWith("PT ${trackingCode}\nBcc: korban@contoh.co.id, kode PTU-26-ABCDEFG.");
    }
}
