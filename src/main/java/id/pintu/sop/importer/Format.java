package id.pintu.sop.importer;

import java.util.Locale;

/** How the SOP-AP table is written: tab-separated as copied out of the office's document, or RFC 4180 CSV. */
public enum Format {
    TSV,
    CSV;

    public static Format of(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "tsv", "txt", "tab" -> TSV;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException("unknown format '" + name + "' (use tsv or csv)");
        };
    }

    /** The format a file name suggests; a table copied out of a document is tab-separated unless it says .csv. */
    public static Format ofFileName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : TSV;
    }
}
