package id.pintu.sop;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "Waktu" column as office staff write it: {@code 15 Menit}, {@code 15 mnt}, {@code 2 jam},
 * {@code 1,5 Jam}, {@code 1 Hari}, {@code 3 Hari Kerja}, {@code 3 HK}, {@code 1 x 24 Jam}, {@code 1 Minggu}.
 * A day is a working day and a week five of them; "1 x 24 jam" is how Indonesian service standards write one
 * day, so it counts as one working day, not 24 working hours.
 */
public final class Waktu {

    private static final Pattern TEXT = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(menit|mnt|jam|hari(?:\\s+kerja)?|hk|minggu(?:\\s+kerja)?|pekan)\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIMES_24 = Pattern.compile("(\\d+)\\s*[xX×]\\s*24\\s*jam\\.?", Pattern.CASE_INSENSITIVE);

    /** Working days in a working week, for "Minggu". */
    private static final int DAYS_PER_WEEK = 5;

    private Waktu() {}

    public static Optional<MutuBaku> parse(String waktu) {
        if (waktu == null) {
            return Optional.empty();
        }
        String text = waktu.trim().replaceAll("\\s+", " ");
        Matcher days = TIMES_24.matcher(text);
        if (days.matches()) {
            int n = Integer.parseInt(days.group(1));
            return n == 0 ? Optional.empty() : Optional.of(new MutuBaku(n, Duration.ZERO));
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(m.group(1).replace(',', '.'));
        if (amount.signum() == 0) {
            return Optional.empty();
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unit.equals("menit") || unit.equals("mnt")) {
            return wholeMinutes(amount);
        }
        if (unit.equals("jam")) {
            return wholeMinutes(amount.multiply(BigDecimal.valueOf(60)));
        }
        // A fraction of a working day has no fixed length in hours, so "0,5 Hari" stays unread for a person to decide.
        if (amount.stripTrailingZeros().scale() > 0) {
            return Optional.empty();
        }
        int n = amount.intValueExact();
        if (unit.startsWith("hari") || unit.equals("hk")) {
            return Optional.of(new MutuBaku(n, Duration.ZERO));
        }
        return Optional.of(new MutuBaku(n * DAYS_PER_WEEK, Duration.ZERO));
    }

    private static Optional<MutuBaku> wholeMinutes(BigDecimal minutes) {
        BigDecimal whole = minutes.stripTrailingZeros();
        if (whole.scale() > 0) {
            return Optional.empty();
        }
        return Optional.of(new MutuBaku(0, Duration.ofMinutes(whole.longValueExact())));
    }
}
