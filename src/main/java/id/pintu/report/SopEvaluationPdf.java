package id.pintu.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The evaluation as a printable A4 report in Bahasa Indonesia: a table per step and per actor, the cases finished
 * per result, and a bar chart of mutu baku against the median working time of each step (drawn with PDFBox).
 */
public final class SopEvaluationPdf {

    private static final float MARGIN = 40;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id-ID"));
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.forLanguageTag("id-ID"));

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private PDDocument doc;
    private PDPageContentStream out;
    private float y;

    public static byte[] write(SopEvaluation e, ZoneId zone) {
        return new SopEvaluationPdf().render(e, zone);
    }

    private byte[] render(SopEvaluation e, ZoneId zone) {
        try (PDDocument d = new PDDocument()) {
            doc = d;
            newPage();
            text(bold, 13, MARGIN, "LAPORAN MONITORING DAN EVALUASI STANDAR OPERASIONAL PROSEDUR");
            y -= 18;
            text(regular, 10, MARGIN, e.sopName() + (e.sopNumber() == null ? "" : " (" + e.sopNumber() + ")"));
            y -= 14;
            text(regular, 10, MARGIN, "Periode: " + DAY.format(e.from()) + " s.d. " + DAY.format(e.to())
                    + "    Dibuat: " + STAMP.format(e.generatedAt().atZone(zone)) + " WIB");
            y -= 14;
            text(regular, 8, MARGIN, "Waktu kerja dihitung menurut kalender kerja kantor (jam kerja, istirahat, hari libur"
                    + " dan cuti bersama tidak dihitung). Satuan: menit kerja.");
            y -= 22;

            text(bold, 10, MARGIN, "A. Per langkah");
            y -= 14;
            float[] cols = {MARGIN, 62, 222, 292, 340, 372, 408, 444, 482, 520};
            String[] head = {"No", "Kegiatan", "Pelaksana", "Mutu baku", "Jml", "Median", "P90", "Maks", "Tepat %",
                    "Esk."};
            row(bold, cols, head);
            for (SopEvaluation.StepFigures s : e.steps()) {
                row(regular, cols, new String[] {String.valueOf(s.step()), cut(s.name(), 38), s.actor(), s.waktu(),
                        String.valueOf(s.completed()), SopEvaluationCsv.num(s.medianMinutes()),
                        SopEvaluationCsv.num(s.p90Minutes()), SopEvaluationCsv.num(s.maxMinutes()),
                        SopEvaluationCsv.pct(s.onTimeShare()), s.reminders() + "/" + s.breaches()});
            }
            y -= 6;
            text(regular, 7, MARGIN, "Esk. = jumlah pengingat (tingkat 1) / pelanggaran batas waktu (tingkat 2)."
                    + " P90 = persentil ke-90 (peringkat terdekat).");
            y -= 20;

            text(bold, 10, MARGIN, "B. Per pelaksana");
            y -= 14;
            float[] acols = {MARGIN, 222, 340, 372, 408, 444, 482, 520};
            row(bold, acols, new String[] {"Pelaksana", "Kode", "Jml", "Median", "P90", "Maks", "Tepat %", "Esk."});
            for (SopEvaluation.ActorFigures a : e.actors()) {
                row(regular, acols, new String[] {cut(a.name(), 38), a.actor(), String.valueOf(a.completed()),
                        SopEvaluationCsv.num(a.medianMinutes()), SopEvaluationCsv.num(a.p90Minutes()),
                        SopEvaluationCsv.num(a.maxMinutes()), SopEvaluationCsv.pct(a.onTimeShare()),
                        a.reminders() + "/" + a.breaches()});
            }
            y -= 20;
            text(bold, 10, MARGIN, "C. Permohonan selesai per hasil");
            y -= 14;
            if (e.finishedByStatus().isEmpty()) {
                text(regular, 9, MARGIN, "Tidak ada permohonan yang selesai dalam periode ini.");
                y -= 12;
            }
            for (Map.Entry<String, Integer> f : e.finishedByStatus().entrySet()) {
                text(regular, 9, MARGIN, label(f.getKey()) + ": " + f.getValue());
                y -= 12;
            }
            out.close();
            newPage();
            chart(e.steps());
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Horizontal bars per step: grey the mutu baku, blue the median actually taken, on one scale. */
    private void chart(List<SopEvaluation.StepFigures> steps) throws IOException {
        text(bold, 11, MARGIN, "D. Grafik mutu baku dan median waktu kerja per langkah (menit kerja)");
        y -= 16;
        legend(MARGIN, 0.75f, "Mutu baku");
        legend(MARGIN + 110, 0.0f, "Median waktu kerja");
        y -= 18;
        double max = 1;
        for (SopEvaluation.StepFigures s : steps) {
            max = Math.max(max, s.mutuBakuMinutes());
            if (s.medianMinutes() != null) {
                max = Math.max(max, s.medianMinutes());
            }
        }
        float labelWidth = 70;
        float width = PAGE.getWidth() - 2 * MARGIN - labelWidth - 50;
        float barHeight = Math.min(9, (y - MARGIN - 20) / Math.max(steps.size(), 1) / 2 - 1);
        for (SopEvaluation.StepFigures s : steps) {
            text(regular, 7, MARGIN, "Langkah " + s.step());
            float x0 = MARGIN + labelWidth;
            float wMutu = (float) (s.mutuBakuMinutes() / max * width);
            bar(x0, y - 1, wMutu, barHeight, 0.75f, 0.75f, 0.75f);
            text(regular, 6, x0 + wMutu + 3, String.valueOf(s.mutuBakuMinutes()));
            y -= barHeight + 1;
            if (s.medianMinutes() != null) {
                float wMed = (float) (s.medianMinutes() / max * width);
                bar(x0, y - 1, Math.max(wMed, 0.5f), barHeight, 0.16f, 0.38f, 0.71f);
                text(regular, 6, x0 + wMed + 3, SopEvaluationCsv.num(s.medianMinutes()));
            }
            y -= barHeight + 3;
        }
    }

    private void legend(float x, float grey, String label) throws IOException {
        if (grey > 0) {
            bar(x, y - 1, 10, 8, grey, grey, grey);
        } else {
            bar(x, y - 1, 10, 8, 0.16f, 0.38f, 0.71f);
        }
        text(regular, 8, x + 14, label);
    }

    private void bar(float x, float top, float w, float h, float r, float g, float b) throws IOException {
        out.setNonStrokingColor(r, g, b);
        out.addRect(x, top - h + 7, w, h);
        out.fill();
        out.setNonStrokingColor(0f, 0f, 0f);
    }

    private void row(PDType1Font font, float[] cols, String[] cells) throws IOException {
        if (y < MARGIN + 20) {
            out.close();
            newPage();
        }
        for (int i = 0; i < cells.length && i < cols.length; i++) {
            text(font, 7, cols[i], cells[i]);
        }
        y -= 10;
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void text(PDType1Font font, float size, float x, String s) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(winAnsi(s == null ? "" : s));
        out.endText();
    }

    /** The standard fonts know only WinAnsi characters; anything else is printed as '?'. */
    private static String winAnsi(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 256 ? c : '?');
        }
        return sb.toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static String label(String status) {
        return switch (status) {
            case "ISSUED" -> "Izin diterbitkan (ISSUED)";
            case "REJECTED" -> "Permohonan ditolak (REJECTED)";
            case "WITHDRAWN" -> "Permohonan dicabut (WITHDRAWN)";
            case "ABANDONED" -> "Permohonan tidak dilanjutkan (ABANDONED)";
            default -> status;
        };
    }
}
