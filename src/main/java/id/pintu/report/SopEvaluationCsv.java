package id.pintu.report;

import java.util.Locale;
import java.util.Map;

/**
 * The evaluation as CSV for a spreadsheet (UTF-8, comma, headers in Bahasa Indonesia). One table, the first column
 * says which part a row belongs to: {@code langkah} (per step), {@code pelaksana} (per actor), {@code hasil}
 * (cases finished per final status). Minutes are working minutes.
 */
public final class SopEvaluationCsv {

    private SopEvaluationCsv() {}

    public static String write(SopEvaluation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("bagian,langkah,kegiatan,pelaksana,waktu,mutu_baku_menit,jumlah_selesai,median_menit,p90_menit,"
                + "maks_menit,tepat_waktu_persen,pengingat,pelanggaran\n");
        for (SopEvaluation.StepFigures s : e.steps()) {
            row(sb, "langkah", String.valueOf(s.step()), s.name(), s.actor(), s.waktu(),
                    String.valueOf(s.mutuBakuMinutes()), String.valueOf(s.completed()), num(s.medianMinutes()),
                    num(s.p90Minutes()), num(s.maxMinutes()), pct(s.onTimeShare()), String.valueOf(s.reminders()),
                    String.valueOf(s.breaches()));
        }
        for (SopEvaluation.ActorFigures a : e.actors()) {
            row(sb, "pelaksana", "", a.name(), a.actor(), "", "", String.valueOf(a.completed()), num(a.medianMinutes()),
                    num(a.p90Minutes()), num(a.maxMinutes()), pct(a.onTimeShare()), String.valueOf(a.reminders()),
                    String.valueOf(a.breaches()));
        }
        for (Map.Entry<String, Integer> f : e.finishedByStatus().entrySet()) {
            row(sb, "hasil", "", f.getKey(), "", "", "", String.valueOf(f.getValue()), "", "", "", "", "", "");
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells[i]));
        }
        sb.append('\n');
    }

    /**
     * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break; a text a spreadsheet would
     * evaluate as a formula (a leading = + - @, other than a plain number) starts with an apostrophe.
     */
    public static String cell(String s) {
        if (s == null) {
            return "";
        }
        String safe = s.matches("(?s)^[=+@-].*") && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
        return safe.matches("(?s).*[\",\n\r].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    static String num(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.1f", d);
    }

    static String pct(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.1f", share * 100);
    }
}
