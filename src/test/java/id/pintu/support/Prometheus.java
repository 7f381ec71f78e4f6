package id.pintu.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads figures out of {@code /actuator/prometheus} text, as a Prometheus server would. */
public final class Prometheus {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

    private Prometheus() {}

    /**
     * The sum of the samples of {@code name} that carry every given label ({@code "outcome=\"accepted\""}); 0 when
     * there is none yet (a counter appears once it was first incremented).
     */
    public static double sum(String scrape, String name, String... labels) {
        double total = 0;
        for (String line : scrape.split("\n")) {
            Matcher m = SAMPLE.matcher(line.strip());
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            String set = m.group(3) == null ? "" : m.group(3);
            boolean all = true;
            for (String label : labels) {
                all &= ("," + set + ",").contains("," + label + ",");
            }
            if (all) {
                total += Double.parseDouble(m.group(4));
            }
        }
        return total;
    }
}
