package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A file is what its bytes say: JPEG and PNG by their signatures, a PDF only if PDFBox opens it; a renamed program,
 * a truncated PDF or a file over the size limit is refused with a reason the applicant can act on.
 */
class ContentCheckByMagicBytesTest {

    private final ContentCheck check = new ContentCheck(new IntakeProperties(true, "config/dossier",
            DataSize.ofKilobytes(64), DataSize.ofMegabytes(40), DataSize.ofMegabytes(8), true, 3, List.of(), java.time.Duration.ofMinutes(15),
            "pintu-intake", "pintu-intake", new IntakeProperties.Scan(true, "", java.time.Duration.ofSeconds(2),
                    java.time.Duration.ofSeconds(1)), java.time.Duration.ofDays(7), "P1D"));

    @Test
    void acceptsRealPdfJpegAndPng() {
        assertThat(check.check("a.pdf", MailTestSupport.pdf("ok")).contentType()).isEqualTo(ContentCheck.PDF);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        assertThat(check.check("ktp.jpg", jpeg).valid()).isTrue();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        assertThat(check.check("Scan KTP.png", png).contentType()).isEqualTo(ContentCheck.PNG);
    }

    @Test
    void aPdfsFirstPageIsReadInTheSameOpeningOnlyWhenAsked() {
        byte[] nib = MailTestSupport.pdf("PERIZINAN BERUSAHA BERBASIS RISIKO NOMOR INDUK BERUSAHA");
        ContentCheck.Verdict read = check.check("scan001.pdf", nib, true);
        assertThat(read.valid()).isTrue();
        assertThat(read.firstPageText()).contains("NOMOR INDUK BERUSAHA");
        assertThat(check.check("nib.pdf", nib).firstPageText()).as("named: not read").isNull();
        byte[] truncated = java.util.Arrays.copyOf(nib, nib.length / 3);
        ContentCheck.Verdict broken = check.check("scan002.pdf", truncated, true);
        assertThat(broken.valid()).isFalse();
        assertThat(broken.firstPageText()).as("a refused PDF is not read").isNull();
    }

    @Test
    void refusesDisguisedCorruptAndOversizedFiles() {
        ContentCheck.Verdict exe = check.check("nib.pdf", "MZ\u0090\u0000program".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(exe.valid()).isFalse();
        assertThat(exe.problem()).isEqualTo("isi file bukan PDF, JPG atau PNG (walaupun namanya berakhiran .pdf)");

        byte[] pdf = MailTestSupport.pdf("npwp");
        byte[] truncated = java.util.Arrays.copyOf(pdf, pdf.length / 3);
        assertThat(check.check("npwp.pdf", truncated).problem()).isEqualTo("PDF rusak dan tidak dapat dibuka");

        byte[] big = java.util.Arrays.copyOf(pdf, 65 * 1024 + 1);
        assertThat(check.check("akta.pdf", big).problem()).startsWith("ukuran file 65 KB melebihi batas 64 KB");
    }

    @Test
    void aWordFileAnArchiveOrOutlooksWinmailIsToldWhatToSendInstead() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThat(check.check("berkas-lengkap.zip", zip).problem())
                .isEqualTo("file arsip ZIP tidak diterima; kirim setiap dokumen sebagai file PDF, JPG atau PNG tersendiri");
        assertThat(check.check("rencana-perluasan.docx", zip).problem()).as("a .docx is a ZIP inside")
                .isEqualTo("file .docx tidak diterima; simpan atau cetak sebagai PDF, lalu kirim ulang");
        byte[] rar = {'R', 'a', 'r', '!', 0x1A, 0x07, 1, 0};
        assertThat(check.check("scan.pdf", rar).problem()).startsWith("file arsip RAR tidak diterima");
        byte[] tnef = {0x78, (byte) 0x9F, 0x3E, 0x22, 1, 0, 0};
        assertThat(check.check("winmail.dat", tnef).problem()).startsWith("lampiran winmail.dat dari Outlook");
        assertThat(check.check("catatan.txt", "teks biasa".getBytes(StandardCharsets.UTF_8)).problem())
                .isEqualTo("isi file bukan PDF, JPG atau PNG");
    }

    @Test
    void blockedSendersMatchAddressesAndDomains() {
        IntakeProperties p = new IntakeProperties(true, "config/dossier", DataSize.ofMegabytes(1),
                DataSize.ofMegabytes(40), DataSize.ofMegabytes(8), true, 3, List.of("spam@contoh.co.id", "@iklan.example"),
                java.time.Duration.ofMinutes(15), "pintu-intake", "pintu-intake", null, java.time.Duration.ofDays(7), "P1D");
        assertThat(p.blocked("SPAM@contoh.co.id")).isTrue();
        assertThat(p.blocked("promo@iklan.example")).isTrue();
        assertThat(p.blocked("budi@contoh.co.id")).isFalse();
    }

    @Test
    void anAnswerTimeThatIsNotADurationStopsTheStart() {
        assertThat(properties("PT4H").answerLimit()).isEqualTo(new id.pintu.sop.MutuBaku(0,
                java.time.Duration.ofHours(4)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> properties("1 hari"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1 hari' is not a duration like PT15M, PT2H or P1D");
    }

    private static IntakeProperties properties(String answerWithin) {
        return new IntakeProperties(true, "config/dossier", DataSize.ofMegabytes(1), DataSize.ofMegabytes(40),
                DataSize.ofMegabytes(8), true, 3, List.of(), java.time.Duration.ofMinutes(15), "pintu-intake",
                "pintu-intake", null, java.time.Duration.ofDays(7), answerWithin);
    }
}
