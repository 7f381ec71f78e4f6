package id.pintu.sop;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the "Waktu" column as office staff write it: {@code 15 Menit}, {@code 2 jam}, {@code 3 Hari Kerja}. */
public final class Waktu {

    private static final Pattern TEXT = Pattern.compile(
            "(\\d+)\\s*(menit|mnt|jam|hari(?:\\s+kerja)?|minggu)\\.?", Pattern.CASE_INSENSITIVE);

    /** Working days in a working week, for "Minggu". */
    private static final int DAYS_PER_WEEK = 5;

    private Waktu() {}

    public static Optional<MutuBaku> parse(String waktu) {
        if (waktu == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(waktu.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        if (n == 0) {
            return Optional.empty();
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("menit") || unit.equals("mnt")) {
            return Optional.of(new MutuBaku(0, Duration.ofMinutes(n)));
        }
        if (unit.equals("jam")) {
            return Optional.of(new MutuBaku(0, Duration.ofHours(n)));
        }
        if (unit.startsWith("hari")) {
            return Optional.of(new MutuBaku(n, Duration.ZERO));
        }
        return Optional.of(new MutuBaku(n * DAYS_PER_WEEK, Duration.ZERO));
    }
}
