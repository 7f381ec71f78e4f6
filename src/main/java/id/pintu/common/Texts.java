package id.pintu.common;

/** Small helpers for what users type, before it reaches the records. */
public final class Texts {

    private Texts() {}

    /** {@code s} as far as a column of {@code max} characters holds it (null stays null). */
    public static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Whether a day a user typed can be a day of the office's records: "+999999999-12-31" parses, and the day after
     * it, or its instant, failed with a 500 where a period was counted.
     */
    public static boolean ofRecords(java.time.LocalDate day) {
        return day.getYear() >= 1900 && day.getYear() <= 9999;
    }
}
