package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A file name from outside can never climb out of its place or split a header: folders, control characters and
 * leading dots are removed, and an overlong name is cut to the limit keeping its extension.
 */
class SafeFileNameTest {

    @Test
    void traversalControlCharactersAndLengthAreNeutralised() {
        assertThat(SafeFileName.of("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileName.of("..\\..\\windows\\system32\\cmd.exe")).isEqualTo("cmd.exe");
        assertThat(SafeFileName.of("/var/lib/pintu/../../x.pdf")).isEqualTo("x.pdf");
        assertThat(SafeFileName.of("ktp.pdf\r\nX-Evil: 1")).isEqualTo("ktp.pdfX-Evil 1");
        assertThat(SafeFileName.of("..")).isEqualTo(SafeFileName.FALLBACK);
        assertThat(SafeFileName.of(".htaccess")).isEqualTo("htaccess");
        assertThat(SafeFileName.of("  ")).isEqualTo(SafeFileName.FALLBACK);
        assertThat(SafeFileName.of(null)).isEqualTo(SafeFileName.FALLBACK);
        assertThat(SafeFileName.of("a\u0000b\u202Efdp.exe")).isEqualTo("abfdp.exe");
        String longName = "x".repeat(500) + ".pdf";
        assertThat(SafeFileName.of(longName)).hasSize(SafeFileName.MAX_LENGTH).endsWith(".pdf");
        assertThat(SafeFileName.of("Scan KTP.jpg")).isEqualTo("Scan KTP.jpg");
    }
}
