package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/**
 * An upload is kept only when its bytes are a PDF, JPEG or PNG, whatever name and type the browser claims; its
 * content type is the one the bytes prove, and its name loses any folder part.
 */
class UploadsMagicBytesTest {

    @Test
    void typeComesFromTheBytesNotFromTheClaim() throws Exception {
        MockMultipartFile pdf = new MockMultipartFile("f", "C:\\scan\\nib.pdf", "text/html",
                "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII));
        Uploads.Checked checked = Uploads.check(pdf, 1024);
        assertThat(checked.contentType()).isEqualTo("application/pdf");
        assertThat(checked.name()).isEqualTo("nib.pdf");

        MockMultipartFile png = new MockMultipartFile("f", "ktp.pdf", "application/pdf",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0});
        assertThat(Uploads.check(png, 1024).contentType()).isEqualTo("image/png");

        MockMultipartFile html = new MockMultipartFile("f", "akta.pdf", "application/pdf",
                "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Uploads.check(html, 1024)).isInstanceOfSatisfying(Uploads.Refused.class,
                r -> assertThat(r.key()).isEqualTo("upload.type"));

        assertThatThrownBy(() -> Uploads.check(pdf, 4)).isInstanceOfSatisfying(Uploads.Refused.class,
                r -> assertThat(r.key()).isEqualTo("upload.tooLarge"));
        assertThat(Uploads.slug("Berita Acara")).isEqualTo("berita-acara");
    }
}
