package id.pintu.calendar;

/** Why the office is closed on a weekday; all three close it, the type is kept for display and audit. */
public enum HolidayType {
    /** Hari libur nasional, per the yearly SKB 3 Menteri. */
    LIBUR_NASIONAL,
    /** Cuti bersama (collective leave) for civil servants, per the same SKB. */
    CUTI_BERSAMA,
    /** A closure the regency decides for itself (for example by a Bupati's circular). */
    LIBUR_DAERAH
}
