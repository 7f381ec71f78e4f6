package id.pintu.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays out a document on A4 with PDFBox: the letterhead (kop surat), the letter's head (Nomor, Lampiran, Perihal,
 * Kepada Yth.) or a form's title, the body, the signature block, the initials and, on sealed documents, the QR code
 * and verification code. Helvetica (a standard font, nothing to embed); characters it cannot print are replaced
 * by their plain-Latin form, so no name ever makes rendering fail.
 */
public class PdfRenderer {

    private static final float MARGIN_LEFT = 70;
    private static final float MARGIN_RIGHT = 60;
    private static final float MARGIN_TOP = 40;
    private static final float MARGIN_BOTTOM = 60;
    private static final float PAGE_W = PDRectangle.A4.getWidth();
    private static final float PAGE_H = PDRectangle.A4.getHeight();
    private static final float TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
    private static final float SIZE = 11;
    private static final float LEADING = 15;

    private static final Face REGULAR = new Face(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
    private static final Face BOLD = new Face(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    private static final Map<Integer, String> PRINTABLE = new ConcurrentHashMap<>();

    /**
     * Lays out one document under {@code letterhead}. The caller takes the letterhead once per document (the office may
     * edit it while the hub runs), so that every part of one document carries the same one.
     */
    public byte[] render(Letterhead letterhead, LetterContent c) {
        OfficeProfile office = letterhead.profile();
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(printable(c.title() + (c.number() == null ? "" : " " + c.number())));
            info.setAuthor(printable(office.name()));
            info.setCreator("Pintu");
            Writer w = new Writer(doc, c.watermark());
            letterhead(w, letterhead);
            if (c.layout() == DocumentPlan.Layout.LETTER) {
                letterHead(w, c);
            } else {
                formHead(w, c);
            }
            body(w, c.body());
            signature(w, c);
            initials(w, c.initials());
            verification(w, c.verification(), office);
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
    }

    private void letterhead(Writer w, Letterhead letterhead) throws IOException {
        OfficeProfile office = letterhead.profile();
        float top = PAGE_H - MARGIN_TOP;
        float logo = 62;
        EncodedImage image = letterhead.logo();
        if (image != null) {
            w.cs.drawImage(image.in(w.doc), MARGIN_LEFT, top - logo, logo, logo);
        }
        float left = MARGIN_LEFT + logo + 8;
        float width = PAGE_W - MARGIN_RIGHT - left;
        float y = top - 12;
        y = centred(w, office.government(), BOLD, 13, left, width, y, 15);
        y = centred(w, office.name(), BOLD, 11, left, width, y, 13);
        y = centred(w, office.address(), REGULAR, 9, left, width, y, 11);
        if (office.contact() != null && !office.contact().isBlank()) {
            y = centred(w, office.contact(), REGULAR, 9, left, width, y, 11);
        }
        float line = Math.min(y, top - logo) - 4;
        w.cs.setLineWidth(2f);
        w.cs.moveTo(MARGIN_LEFT, line);
        w.cs.lineTo(PAGE_W - MARGIN_RIGHT, line);
        w.cs.stroke();
        w.cs.setLineWidth(0.6f);
        w.cs.moveTo(MARGIN_LEFT, line - 3);
        w.cs.lineTo(PAGE_W - MARGIN_RIGHT, line - 3);
        w.cs.stroke();
        w.y = line - 24;
    }

    private float centred(Writer w, String text, Face font, float size, float left, float width, float y,
            float leading) throws IOException {
        for (String line : wrap(printable(text), font, size, width)) {
            float lw = font.width(line, size);
            w.text(line, font, size, left + (width - lw) / 2, y);
            y -= leading;
        }
        return y;
    }

    private void letterHead(Writer w, LetterContent c) throws IOException {
        float dateW = REGULAR.width(printable(c.placeAndDate()), SIZE);
        w.text(printable(c.placeAndDate()), REGULAR, SIZE, PAGE_W - MARGIN_RIGHT - dateW, w.y);
        String[][] rows = {
            {"Nomor", c.number() == null ? "..................." : c.number()},
            {"Lampiran", blankAsDash(c.lampiran())},
            {"Perihal", blankAsDash(c.perihal())}};
        for (String[] r : rows) {
            labelled(w, r[0], r[1], 70, TEXT_W * 0.6f, r[0].equals("Perihal") ? BOLD : REGULAR);
        }
        w.y -= LEADING * 0.6f;
        w.line("Kepada Yth.", REGULAR, SIZE, MARGIN_LEFT + TEXT_W * 0.5f, TEXT_W * 0.5f);
        for (String a : c.addressee() == null ? List.<String>of() : c.addressee()) {
            w.line(a, REGULAR, SIZE, MARGIN_LEFT + TEXT_W * 0.5f, TEXT_W * 0.5f);
        }
        w.line("di -", REGULAR, SIZE, MARGIN_LEFT + TEXT_W * 0.5f, TEXT_W * 0.5f);
        w.line("      Tempat", REGULAR, SIZE, MARGIN_LEFT + TEXT_W * 0.5f, TEXT_W * 0.5f);
        w.y -= LEADING;
    }

    private void formHead(Writer w, LetterContent c) throws IOException {
        String title = printable(c.title());
        float tw = BOLD.width(title, 13);
        float x = MARGIN_LEFT + (TEXT_W - tw) / 2;
        w.text(title, BOLD, 13, x, w.y);
        w.cs.setLineWidth(0.8f);
        w.cs.moveTo(x, w.y - 2);
        w.cs.lineTo(x + tw, w.y - 2);
        w.cs.stroke();
        w.y -= LEADING + 2;
        if (c.number() != null) {
            String n = printable("Nomor: " + c.number());
            float nw = REGULAR.width(n, SIZE);
            w.text(n, REGULAR, SIZE, MARGIN_LEFT + (TEXT_W - nw) / 2, w.y);
            w.y -= LEADING;
        }
        w.y -= LEADING;
    }

    private void body(Writer w, String body) throws IOException {
        String[] paragraphs = body.replace("\r\n", "\n").strip().split("\n\\s*\n");
        for (String p : paragraphs) {
            for (String line : p.split("\n")) {
                String t = line.strip();
                if (t.startsWith("|")) {
                    String[] cells = t.substring(1).split("\\|", 2);
                    labelled(w, cells[0].strip(), cells.length > 1 ? cells[1].strip() : "", 140, TEXT_W, REGULAR);
                } else {
                    w.line(t, REGULAR, SIZE, MARGIN_LEFT, TEXT_W);
                }
            }
            w.y -= LEADING * 0.5f;
        }
    }

    /**
     * A "label : value" row; the label wraps in its column and the value in its own, side by side. The label was drawn
     * on one line: a field report's key as long as "Jumlah tenaga kerja setelah perluasan" ran under the colon and
     * the value, a longer one off the page.
     */
    private void labelled(Writer w, String label, String value, float labelW, float totalW, Face valueFont)
            throws IOException {
        List<String> labels = wrap(printable(label), REGULAR, SIZE, labelW - 4);
        List<String> lines = wrap(printable(value), valueFont, SIZE, totalW - labelW - 10);
        int rows = Math.max(labels.size(), lines.size());
        w.ensure(LEADING * Math.min(rows, 3));
        for (int i = 0; i < rows; i++) {
            w.ensure(LEADING);
            if (i < labels.size()) {
                w.text(labels.get(i), REGULAR, SIZE, MARGIN_LEFT, w.y);
            }
            if (i == 0) {
                // drawn in reading order (label, colon, value), as text extraction and screen readers take it
                w.text(":", REGULAR, SIZE, MARGIN_LEFT + labelW, w.y);
            }
            if (i < lines.size()) {
                w.text(lines.get(i), valueFont, SIZE, MARGIN_LEFT + labelW + 10, w.y);
            }
            w.y -= LEADING;
        }
    }

    private void signature(Writer w, LetterContent c) throws IOException {
        LetterContent.Signature s = c.signature();
        if (s == null) {
            return;
        }
        float x = MARGIN_LEFT + TEXT_W * 0.5f;
        float width = TEXT_W * 0.5f;
        w.ensure(LEADING * 9);
        w.y -= LEADING * 0.5f;
        if (c.layout() == DocumentPlan.Layout.FORM) {
            w.line(c.placeAndDate(), REGULAR, SIZE, x, width);
        }
        if (s.caption() != null && !s.caption().isBlank()) {
            w.line(s.caption(), BOLD, SIZE, x, width);
        }
        if (s.position() != null && !s.position().isBlank()) {
            w.line(s.position(), BOLD, SIZE, x, width);
        }
        if (s.note() != null) {
            w.line(s.note(), REGULAR, 8, x, width);
            w.y -= LEADING * 1.5f;
        } else {
            w.y -= LEADING * 2.5f;
        }
        if (s.fullName() != null) {
            // Wrapped and underlined line by line: a name with its titles ran past the margin at ~40 characters
            for (String name : wrap(printable(s.fullName()), BOLD, SIZE, width)) {
                w.ensure(LEADING);
                w.text(name, BOLD, SIZE, x, w.y);
                float nw = BOLD.width(name, SIZE);
                w.cs.setLineWidth(0.6f);
                w.cs.moveTo(x, w.y - 2);
                w.cs.lineTo(x + nw, w.y - 2);
                w.cs.stroke();
                w.y -= LEADING;
            }
        }
        if (s.rank() != null && !s.rank().isBlank()) {
            w.line(s.rank(), REGULAR, SIZE, x, width);
        }
        if (s.nip() != null && !s.nip().isBlank()) {
            w.line("NIP. " + s.nip(), REGULAR, SIZE, x, width);
        }
        w.y -= LEADING;
    }

    private void initials(Writer w, List<LetterContent.Initial> initials) throws IOException {
        if (initials == null || initials.isEmpty()) {
            return;
        }
        w.ensure(LEADING * (initials.size() + 2));
        w.line("Paraf:", BOLD, 9, MARGIN_LEFT, TEXT_W);
        int i = 1;
        for (LetterContent.Initial p : initials) {
            w.line(i++ + ". " + p.fullName() + (p.position() == null ? "" : " (" + p.position() + ")") + " - "
                    + p.at(), REGULAR, 9, MARGIN_LEFT, TEXT_W);
        }
        w.y -= LEADING * 0.5f;
    }

    private void verification(Writer w, LetterContent.Verification v, OfficeProfile office) throws IOException {
        if (v == null) {
            return;
        }
        float qr = 72;
        w.ensure(qr + 8);
        float top = w.y;
        drawQr(w.cs, v.url(), MARGIN_LEFT, top - qr, qr);
        float x = MARGIN_LEFT + qr + 10;
        float width = TEXT_W - qr - 10;
        w.y = top - 10;
        w.line("Dokumen ini disegel secara elektronik oleh " + office.name() + ".", REGULAR, 8, x, width);
        w.line("Kode verifikasi: " + v.code(), BOLD, 9, x, width);
        w.line("Periksa keaslian dokumen dengan memindai kode QR atau membuka " + v.url(), REGULAR, 8, x, width);
        w.y = Math.min(w.y, top - qr - 6);
    }

    private static void drawQr(PDPageContentStream cs, String text, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IOException("QR code for " + text, e);
        }
        // One rectangle per run of dark modules in a row, in module units: a third of the operators a rectangle per
        // module needs, and integer coordinates.
        float cell = size / m.getWidth();
        cs.saveGraphicsState();
        cs.transform(new Matrix(cell, 0, 0, cell, x, y));
        cs.setNonStrokingColor(Color.BLACK);
        for (int r = 0; r < m.getHeight(); r++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, r)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, r)) {
                    col++;
                }
                cs.addRect(start, m.getHeight() - r - 1, col - start, 1);
            }
        }
        cs.fill();
        cs.restoreGraphicsState();
    }

    /** The text in lines no wider than {@code width}, broken at spaces (and inside a word wider than a line). */
    static List<String> wrap(String text, Face font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float space = font.width(" ", size);
        float lineWidth = 0;
        for (String word : text.split(" ")) {
            float wordWidth = font.width(word, size);
            float candidate = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
            if (candidate <= width) {
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(word);
                lineWidth = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // A word wider than the column (a long URL) is broken by characters.
            String rest = word;
            while (font.width(rest, size) > width && rest.length() > 1) {
                int cut = 1;
                float w = font.width(rest.substring(0, 1), size);
                while (cut < rest.length() - 1 && w + font.width(rest.substring(cut, cut + 1), size) <= width) {
                    w += font.width(rest.substring(cut, cut + 1), size);
                    cut++;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
            lineWidth = font.width(rest, size);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text as Helvetica (WinAnsi) can print it: accents kept where possible, other characters approximated. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(PRINTABLE.computeIfAbsent(cp, PdfRenderer::printableChar)));
        return out.toString();
    }

    private static String printableChar(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r' || Character.isSpaceChar(cp)) {
            return " ";
        }
        if (Character.isISOControl(cp)) {
            return "";
        }
        String s = new String(Character.toChars(cp));
        if (encodable(s)) {
            return s;
        }
        String plain = switch (cp) {
            case 'Ł' -> "L";
            case 'ł' -> "l";
            case 'Đ' -> "D";
            case 'đ' -> "d";
            case 'ı' -> "i";
            case 'Ħ' -> "H";
            case 'ħ' -> "h";
            default -> Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        };
        if (!plain.isEmpty() && encodable(plain)) {
            return plain;
        }
        return "?";
    }

    private static boolean encodable(String s) {
        try {
            REGULAR.font.encode(s);
            BOLD.font.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankAsDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /** A cursor over pages: starts a new page when the next line would not fit. */
    private static final class Writer {
        final PDDocument doc;
        final String watermark;
        PDPageContentStream cs;
        float y;

        Writer(PDDocument doc, String watermark) throws IOException {
            this.doc = doc;
            this.watermark = watermark;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            if (watermark != null) {
                PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
                gs.setNonStrokingAlphaConstant(0.12f);
                cs.saveGraphicsState();
                cs.setGraphicsStateParameters(gs);
                cs.setNonStrokingColor(Color.GRAY);
                cs.beginText();
                cs.setFont(BOLD.font, 120);
                cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(45), 150, 250));
                cs.showText(printable(watermark));
                cs.endText();
                cs.restoreGraphicsState();
            }
            y = PAGE_H - MARGIN_TOP - 20;
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN_BOTTOM) {
                newPage();
            }
        }

        void text(String s, Face font, float size, float x, float atY) throws IOException {
            cs.beginText();
            cs.setFont(font.font, size);
            cs.newLineAtOffset(x, atY);
            cs.showText(s);
            cs.endText();
        }

        /** A wrapped paragraph line by line at the cursor. */
        void line(String s, Face font, float size, float x, float width) throws IOException {
            float leading = Math.max(size + 3, size * 1.35f);
            for (String l : wrap(printable(s), font, size, width)) {
                ensure(leading);
                text(l, font, size, x, y);
                y -= leading;
            }
        }

        void close() throws IOException {
            cs.close();
        }
    }

    /**
     * A font with its characters' advance widths, looked up in PDFBox once each: PDFBox finds a width through the
     * encoding and the glyph's name, which made measuring text for line breaks an eighth of the rendering (JFR).
     * Every character {@link #printable} lets through is in WinAnsi, whose highest character is U+2122.
     */
    static final class Face {
        private static final int TABLE = 0x2123;

        final PDFont font;
        private final float[] widths = new float[TABLE];

        Face(PDFont font) {
            this.font = font;
            java.util.Arrays.fill(widths, Float.NaN);
        }

        /** The width of {@code text} in points at {@code size}; the same sum as {@link PDFont#getStringWidth}. */
        float width(String text, float size) throws IOException {
            float sum = 0;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                float w = ch < TABLE ? widths[ch] : Float.NaN;
                if (Float.isNaN(w)) {
                    w = font.getStringWidth(String.valueOf(ch));
                    if (ch < TABLE) {
                        widths[ch] = w; // a race writes the same value twice
                    }
                }
                sum += w;
            }
            return sum / 1000 * size;
        }
    }
}
