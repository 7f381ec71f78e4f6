package id.pintu.report;

import id.pintu.documents.DocumentCatalog;
import id.pintu.documents.DocumentPlan;
import id.pintu.documents.IndonesianDates;
import id.pintu.documents.LetterContent;
import id.pintu.documents.PdfRenderer;
import id.pintu.sla.SlaProperties;
import id.pintu.sop.SopCatalog;
import id.pintu.survey.SatisfactionSurvey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The report of the Survei Kepuasan Masyarakat for a period as a printable PDF under the office's letterhead, in the
 * shape Peraturan Menteri PANRB 14/2017 asks for: respondents, each element's mean (NRR) and weighted mean, the index
 * (IKM) and its grade, each service's index, and the applicants' suggestions with the office's follow-up (without
 * their cases, as on the survey page).
 */
@Component
public class IkmReportPdf {

    /** The most suggestions the report lists; the survey page lists them all. */
    static final int SUGGESTIONS = 200;

    private final SatisfactionSurvey survey;
    private final SopCatalog catalog;
    private final DocumentCatalog letterheads;
    private final PdfRenderer renderer;
    private final SlaProperties sla;
    private final Clock clock;

    public IkmReportPdf(SatisfactionSurvey survey, SopCatalog catalog, DocumentCatalog letterheads,
            PdfRenderer renderer, SlaProperties sla, Clock clock) {
        this.survey = survey;
        this.catalog = catalog;
        this.letterheads = letterheads;
        this.renderer = renderer;
        this.sla = sla;
        this.clock = clock;
    }

    /** The report of the days {@code from} to {@code to} (both included), of one service or all (null). */
    public byte[] render(LocalDate from, LocalDate to, String sop) {
        ZoneId zone = sla.zone();
        Instant since = from.atStartOfDay(zone).toInstant();
        Instant until = to.plusDays(1).atStartOfDay(zone).toInstant();
        SatisfactionSurvey.Index index = survey.index(since, until, sop);
        StringBuilder body = new StringBuilder();
        body.append("| Dibuat | ").append(IndonesianDates.dateTime(clock.instant(), zone)).append('\n');
        body.append("| Periode | ").append(IndonesianDates.date(from)).append(" s.d. ")
                .append(IndonesianDates.date(to)).append('\n');
        body.append("| Layanan | ").append(sop == null ? "Seluruh layanan" : catalog.sopName(sop)).append('\n');
        body.append("| Responden | ").append(index.respondents()).append('\n');
        if (index.grade() == null) {
            body.append("| Indeks (IKM) | belum ada responden\n");
        } else {
            body.append("| Indeks (IKM) | ").append(decimal(index.value())).append(", mutu ").append(index.grade())
                    .append(" (").append(gradeName(index.grade())).append(")\n");
        }
        // The index weighs the elements that had answers equally (SatisfactionSurvey.index): so do the weighted NRRs,
        // which add up to IKM / 25 even when an element (one added to the questionnaire mid-period) has none.
        long answered = index.elements().stream().filter(e -> e.answers() > 0).count();
        body.append("\nNilai rata-rata per unsur pelayanan (skala 1-4").append(answered == 0 ? ""
                : "; NRR tertimbang = NRR x bobot 1/" + answered + " unsur yang dijawab").append("):\n\n");
        int n = 0;
        for (SatisfactionSurvey.ElementScore e : index.elements()) {
            double weighted = answered == 0 ? 0 : e.mean() / answered;
            body.append("| U").append(++n).append(' ').append(e.element().name().replace('|', '/')).append(" | ")
                    .append(e.answers() == 0 ? "-" : decimal(e.mean()) + " (tertimbang "
                            + String.format(Locale.ROOT, "%.3f", weighted).replace('.', ',') + "), "
                            + e.answers() + " jawaban")
                    .append('\n');
        }
        if (sop == null) {
            List<SatisfactionSurvey.ServiceIndex> services = survey.byService(since, until);
            if (!services.isEmpty()) {
                body.append("\nIndeks per layanan:\n\n");
                for (SatisfactionSurvey.ServiceIndex s : services) {
                    body.append("| ").append(catalog.sopName(s.sop()).replace('|', '/')).append(" | ")
                            .append(s.index().grade() == null ? "-" : decimal(s.index().value()) + ", mutu "
                                    + s.index().grade())
                            .append(", ").append(s.index().respondents()).append(" responden\n");
                }
            }
        }
        List<SatisfactionSurvey.Suggestion> suggestions = survey.suggestions(since, until, sop, false, SUGGESTIONS);
        body.append("\nSaran dan masukan pemohon (").append(suggestions.size())
                .append(suggestions.size() >= SUGGESTIONS ? ", yang terbaru" : "")
                .append(") dan tindak lanjutnya:\n\n");
        if (suggestions.isEmpty()) {
            body.append("Tidak ada saran dalam periode ini.\n");
        }
        for (SatisfactionSurvey.Suggestion s : suggestions) {
            body.append("| ").append(IndonesianDates.date(s.submittedAt(), zone)).append(" | ")
                    .append(oneLine(s.text())).append(" -- Tindak lanjut: ")
                    .append(s.followedUp() ? oneLine(s.followUpNote()) + " (" + s.followedUpBy() + ", "
                            + IndonesianDates.date(s.followedUpAt(), zone) + ")" : "belum ada")
                    .append('\n');
        }
        body.append("\nIKM = rata-rata NRR unsur yang dijawab x 25 (bobot setiap unsur sama). Mutu pelayanan:"
                + " A 88,31-100 (Sangat Baik), B 76,61-88,30 (Baik), C 65,00-76,60 (Kurang Baik),"
                + " D 25,00-64,99 (Tidak Baik)."
                + " Survei diisi pemohon melalui halaman pelacakan setelah permohonannya selesai.");
        LetterContent content = new LetterContent(DocumentPlan.Layout.FORM,
                "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT", null, null, null, List.of(),
                "Dibuat " + IndonesianDates.dateTime(clock.instant(), zone), body.toString(), null, List.of(), null,
                null);
        return renderer.render(letterheads.letterhead(), content);
    }

    static String gradeName(String grade) {
        return switch (grade) {
            case "A" -> "Sangat Baik";
            case "B" -> "Baik";
            case "C" -> "Kurang Baik";
            default -> "Tidak Baik";
        };
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replace('.', ',');
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").replace('|', '/').strip();
    }
}
