package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Hostile files are refused with a clear reason before they cost memory: a PDF whose stream inflates beyond the
 * limit, a PDF with too many pages, a file that is not a PDF at all, and ZIP or GZIP archives by their bytes. An
 * ordinary PDF passes.
 */
class SafePdfRefusesBombsTest {

    private final SafePdf pdf = new SafePdf(new LimitsProperties(DataSize.ofMegabytes(1), 32, 1_000_000, 64,
            DataSize.ofMegabytes(4), DataSize.ofMegabytes(64), DataSize.ofMegabytes(8), 3, java.util.List.of(),
            DataSize.ofMegabytes(20)));

    @Test
    void ordinaryPdfPasses() throws IOException {
        SafePdf.Inspection i = pdf.inspect("surat.pdf", pdfWithStream(1, 10_000));
        assertThat(i.pages()).isEqualTo(1);
        assertThat(i.inflatedBytes()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void decompressionBombIsRefused() throws IOException {
        byte[] bomb = pdfWithStream(1, 40 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(200 * 1024);
        assertThatThrownBy(() -> pdf.inspect("bom.pdf", bomb))
                .isInstanceOf(HostileContentException.class)
                .hasMessageContaining("bom.pdf")
                .hasMessageContaining("decompress");
    }

    @Test
    void tooManyPagesIsRefused() throws IOException {
        assertThatThrownBy(() -> pdf.inspect("tebal.pdf", pdfWithStream(4, 10)))
                .isInstanceOf(HostileContentException.class)
                .hasMessageContaining("4 pages");
    }

    @Test
    void garbageIsNotAReadablePdf() {
        assertThatThrownBy(() -> pdf.inspect("x.pdf", "%PDF-1.7 garbage".getBytes()))
                .isInstanceOf(HostileContentException.class)
                .hasMessageContaining("not a readable PDF");
    }

    @Test
    void archivesAreRecognisedByTheirBytes() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("ktp.pdf"));
            z.write(new byte[1000]);
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(new byte[1000]);
        }
        assertThat(ArchiveSniffer.archiveKind(zip.toByteArray())).contains("ZIP");
        assertThat(ArchiveSniffer.archiveKind(gz.toByteArray())).contains("GZIP");
        assertThat(ArchiveSniffer.archiveKind(pdfWithStream(1, 10))).isEmpty();
        assertThatThrownBy(() -> ArchiveSniffer.refuseArchive("ktp.pdf", zip.toByteArray()))
                .isInstanceOf(HostileContentException.class)
                .hasMessageContaining("'ktp.pdf' is a ZIP archive");
    }

    /** A PDF whose pages share one Flate stream of {@code inflated} zero bytes (it compresses about 1000:1). */
    private static byte[] pdfWithStream(int pages, int inflated) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(deflated)) {
            byte[] zeros = new byte[64 * 1024];
            for (int left = inflated; left > 0; left -= zeros.length) {
                out.write(zeros, 0, Math.min(left, zeros.length));
            }
        }
        try (PDDocument doc = new PDDocument()) {
            PDStream stream = new PDStream(doc, new ByteArrayInputStream(deflated.toByteArray()));
            stream.getCOSObject().setItem(COSName.FILTER, COSName.FLATE_DECODE);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                page.getCOSObject().setItem(COSName.CONTENTS, stream);
                doc.addPage(page);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
