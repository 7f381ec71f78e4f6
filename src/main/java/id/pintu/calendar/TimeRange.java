package id.pintu.calendar;

/**
 * A stretch of wall-clock time within one day, in minutes after midnight, end exclusive. Minutes rather than
 * {@link java.time.LocalTime} because an office open round the clock closes at 24:00, which LocalTime cannot hold.
 */
public record TimeRange(int startMinute, int endMinute) {

    public static final int END_OF_DAY = 24 * 60;

    public TimeRange {
        if (startMinute < 0 || endMinute > END_OF_DAY || startMinute >= endMinute) {
            throw new IllegalArgumentException("not a time range within a day: " + startMinute + "-" + endMinute);
        }
    }

    public int minutes() {
        return endMinute - startMinute;
    }

    static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    @Override
    public String toString() {
        return format(startMinute) + "-" + format(endMinute);
    }
}
