package id.pintu.sop;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.regex.Matcher;

/**
 * A step's time limit: whole working days plus working time, written as ISO-8601 ({@code PT15M}, {@code PT2H},
 * {@code P1D}). A day here is a working day on the office calendar, never 24 hours, so this is not a
 * {@link Duration}.
 */
public record MutuBaku(int workingDays, Duration workingTime) {

    private static final java.util.regex.Pattern ISO =
            java.util.regex.Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?");

    public MutuBaku {
        if (workingDays < 0 || workingTime.isNegative()) {
            throw new IllegalArgumentException("mutu baku cannot be negative");
        }
    }

    @JsonCreator
    public static MutuBaku parse(String iso) {
        Matcher m = ISO.matcher(iso == null ? "" : iso.trim());
        if (!m.matches() || iso.trim().equals("P") || iso.trim().endsWith("T")) {
            throw new IllegalArgumentException(
                    "'" + iso + "' is not a duration like PT15M, PT2H or P1D (days are working days)");
        }
        int days = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        long hours = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long minutes = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        MutuBaku result = new MutuBaku(days, Duration.ofHours(hours).plusMinutes(minutes));
        if (result.isZero()) {
            throw new IllegalArgumentException("'" + iso + "' is zero: every step needs a time limit");
        }
        return result;
    }

    public boolean isZero() {
        return workingDays == 0 && workingTime.isZero();
    }

    public MutuBaku plus(MutuBaku other) {
        return new MutuBaku(workingDays + other.workingDays, workingTime.plus(other.workingTime));
    }

    @JsonValue
    public String iso() {
        StringBuilder sb = new StringBuilder("P");
        if (workingDays > 0) {
            sb.append(workingDays).append('D');
        }
        long h = workingTime.toHours();
        long m = workingTime.toMinutesPart();
        if (h > 0 || m > 0) {
            sb.append('T');
            if (h > 0) {
                sb.append(h).append('H');
            }
            if (m > 0) {
                sb.append(m).append('M');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return iso();
    }
}
