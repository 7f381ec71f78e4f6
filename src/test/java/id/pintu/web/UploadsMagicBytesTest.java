package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pintu.intake.ContentCheck;
import id.pintu.intake.IntakeProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/**
 * An upload is kept only when its content is a PDF that opens, a JPEG or a PNG, whatever name and type the browser
 * claims; its content type is the one the bytes prove, and its name loses any folder part. A refusal carries the
 * same reason the email intake gives for the same file.
 */
class UploadsMagicBytesTest {

    private final ContentCheck check = new ContentCheck(new IntakeProperties(true, "config/dossier",
            DataSize.ofMegabytes(10), DataSize.ofMegabytes(40), DataSize.ofMegabytes(8), true, 3, List.of(),
            Duration.ofMinutes(15), "pintu-intake", "pintu-intake",
            new IntakeProperties.Scan(true, "", Duration.ofSeconds(2), Duration.ofSeconds(1)), Duration.ofDays(7), "P1D"));

    @Test
    void typeComesFromTheContentNotFromTheClaim() throws Exception {
        byte[] realPdf = Files.readAllBytes(TestFiles.pdf("nib.pdf", "NIB"));
        MockMultipartFile pdf = new MockMultipartFile("f", "C:\\scan\\nib.pdf", "text/html", realPdf);
        Uploads.Checked checked = Uploads.check(pdf, 1024 * 1024, check);
        assertThat(checked.contentType()).isEqualTo("application/pdf");
        assertThat(checked.name()).isEqualTo("nib.pdf");

        MockMultipartFile png = new MockMultipartFile("f", "ktp.pdf", "application/pdf",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0});
        assertThat(Uploads.check(png, 1024, check).contentType()).isEqualTo("image/png");
        assertThat(Uploads.slug("Berita Acara")).isEqualTo("berita-acara");
    }

    @Test
    void refusalsSayWhatIsWrongLikeTheEmailIntake() {
        assertRefused(new MockMultipartFile("f", "akta.pdf", "application/pdf",
                "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                "isi file bukan PDF, JPG atau PNG (walaupun namanya berakhiran .pdf)");
        assertRefused(new MockMultipartFile("f", "surat.docx", "application/octet-stream",
                "PK\u0003\u0004word/document.xml".getBytes(StandardCharsets.ISO_8859_1)),
                "file .docx tidak diterima; simpan atau cetak sebagai PDF, lalu kirim ulang");
        assertRefused(new MockMultipartFile("f", "npwp.pdf", "application/pdf",
                "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII)), "PDF rusak dan tidak dapat dibuka");

        MockMultipartFile big = new MockMultipartFile("f", "ktp.png", "image/png", new byte[4096]);
        assertThatThrownBy(() -> Uploads.check(big, 1024, check)).isInstanceOfSatisfying(Uploads.Refused.class,
                r -> assertThat(r.key()).isEqualTo("upload.tooLarge"));
    }

    private void assertRefused(MockMultipartFile file, String reason) {
        assertThatThrownBy(() -> Uploads.check(file, 1024 * 1024, check))
                .isInstanceOfSatisfying(Uploads.Refused.class, r -> {
                    assertThat(r.key()).isEqualTo("upload.refused");
                    assertThat(r.args()).containsExactly(file.getOriginalFilename(), reason);
                });
    }
}
