package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * The renderer's own measuring and drawing, read back the way a reader sees them: the QR code of a sealed document,
 * rasterised from the PDF, scans to its verification address; line breaks fall where PDFBox's widths put them.
 */
class PdfLayoutTest {

    @Test
    void qrCodeOfASealedDocumentScansToItsVerificationAddress() throws Exception {
        LetterContent letter = SealedPdfSignatureTest.letter();
        byte[] pdf = new PdfRenderer().render(Letterhead.of(SealedPdfSignatureTest.office()), letter);
        assertThat(scan(pdf, 150)).isEqualTo(letter.verification().url());
    }

    /** Symbols of many different addresses, rasterised at a low resolution, each scan to their own address. */
    @Test
    void qrCodesOfManyAddressesScanBack() throws Exception {
        LetterContent base = SealedPdfSignatureTest.letter();
        PdfRenderer renderer = new PdfRenderer();
        Letterhead letterhead = Letterhead.of(SealedPdfSignatureTest.office());
        Random random = new Random(20261203);
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 24; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10 + i % 3 * 6; c++) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String url = (i % 2 == 0 ? "http://localhost:8080" : "https://perizinan.dairikab.go.id") + "/verifikasi/"
                    + code;
            LetterContent letter = new LetterContent(base.layout(), base.title(), base.number(), base.lampiran(),
                    base.perihal(), base.addressee(), base.placeAndDate(), base.body(), base.signature(),
                    base.initials(), new LetterContent.Verification(code.toString(), url), base.watermark());
            assertThat(scan(renderer.render(letterhead, letter), 100)).as(url).isEqualTo(url);
        }
    }

    /**
     * A row's label and the signatory's name wrap within their columns: both were drawn on one line, so a field
     * report's long key ran under the colon and its value, and a name with its titles past the right margin.
     */
    @Test
    void longLabelsAndNamesStayInTheirColumns() throws Exception {
        LetterContent base = SealedPdfSignatureTest.letter();
        String label = "Jumlah tenaga kerja setelah perluasan kapasitas produksi tahunan";
        String name = "Drs. Hj. Rosmawati Br. Simanjuntak Nainggolan, S.E., M.Si., M.M., M.A.P.";
        LetterContent.Signature s = base.signature();
        LetterContent letter = new LetterContent(base.layout(), base.title(), base.number(), base.lampiran(),
                base.perihal(), base.addressee(), base.placeAndDate(), "Hasil peninjauan:\n| " + label + " | 250 orang",
                new LetterContent.Signature(s.caption(), s.position(), name, s.rank(), s.nip(), s.note()),
                base.initials(), base.verification(), base.watermark());
        byte[] pdf = new PdfRenderer().render(Letterhead.of(SealedPdfSignatureTest.office()), letter);

        List<org.apache.pdfbox.text.TextPosition> glyphs = new java.util.ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            }.getText(doc);
        }
        float pageWidth = org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getWidth();
        assertThat(glyphs).allSatisfy(g -> assertThat(g.getXDirAdj() + g.getWidthDirAdj())
                .as("'%s' within the right margin", g.getUnicode()).isLessThanOrEqualTo(pageWidth - 60 + 0.5f));
        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(Loader.loadPDF(pdf))
                .replaceAll("\\s+", " ");
        assertThat(text).contains("Jumlah tenaga kerja", "250 orang", "Rosmawati", "M.A.P.");
        // The colon of the row at 70 + 140: no letter of the label at or right of it on its lines
        float colon = 70 + 140;
        assertThat(glyphs).filteredOn(g -> "k".equals(g.getUnicode()) || "J".equals(g.getUnicode()))
                .filteredOn(g -> g.getXDirAdj() < colon + 5 && g.getXDirAdj() >= colon - 1).isEmpty();
    }

    private static String scan(byte[] pdf, int dpi) throws Exception {
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)))).getText();
    }

    @Test
    void linesBreakWherePdfBoxWidthsPutThem() throws IOException {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PdfRenderer.Face face = new PdfRenderer.Face(helvetica);
        String text = "Berdasarkan hasil verifikasi berkas dan peninjauan lapangan atas permohonan izin perluasan usaha"
                + " industri yang diajukan oleh PT Kopi Sidikalang Jaya (Persero) Tbk., dengan ini disampaikan bahwa"
                + " permohonan tersebut telah memenuhi persyaratan: “lengkap” – Rp 1.250.000,- ™ é ü.";
        float width = 200;
        List<String> lines = PdfRenderer.wrap(text, face, 11, width);

        assertThat(lines).hasSizeGreaterThan(4);
        assertThat(String.join(" ", lines)).isEqualTo(text);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(helvetica.getStringWidth(lines.get(i)) / 1000 * 11).isLessThanOrEqualTo(width);
            if (i + 1 < lines.size()) {
                String withNextWord = lines.get(i) + " " + lines.get(i + 1).split(" ")[0];
                assertThat(helvetica.getStringWidth(withNextWord) / 1000 * 11).isGreaterThan(width);
            }
        }
    }

    @Test
    void aWordWiderThanTheLineIsCutWhereTheNextCharacterWouldNotFit() throws IOException {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        String url = "https://perizinan.dairikab.go.id/verifikasi/" + "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".repeat(3);
        List<String> lines = PdfRenderer.wrap("Buka " + url, new PdfRenderer.Face(helvetica), 11, 150);

        assertThat(lines.get(0)).isEqualTo("Buka");
        assertThat(String.join("", lines.subList(1, lines.size()))).isEqualTo(url);
        for (String piece : lines.subList(1, lines.size() - 1)) {
            assertThat(helvetica.getStringWidth(piece) / 1000 * 11).isLessThanOrEqualTo(150);
        }
        String[] pieces = lines.subList(1, lines.size()).toArray(String[]::new);
        for (int i = 0; i + 1 < pieces.length; i++) {
            String oneMore = pieces[i] + pieces[i + 1].charAt(0);
            assertThat(helvetica.getStringWidth(oneMore) / 1000 * 11).as(Arrays.toString(pieces)).isGreaterThan(150);
        }
    }
}
