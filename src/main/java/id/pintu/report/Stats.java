package id.pintu.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics of the report. */
final class Stats {

    private Stats() {}

    /** The middle value; the mean of the two middle values for an even count; null for none. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> s = sorted(values);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} percent of the values at or below it. */
    static Double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> s = sorted(values);
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(rank, 1) - 1);
    }

    static Double max(List<Double> values) {
        return values.isEmpty() ? null : Collections.max(values);
    }

    static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }
}
