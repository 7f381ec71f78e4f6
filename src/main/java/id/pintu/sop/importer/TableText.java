package id.pintu.sop.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers for SOP tables: slugs, title case of upper-case headings, numbered lists out of HTML cells. */
final class TableText {

    /** Words Indonesian headings keep in lower case inside a title. */
    private static final Set<String> PARTICLES = Set.of(
            "dan", "di", "ke", "dari", "atau", "untuk", "pada", "yang", "dengan", "serta", "tentang", "oleh", "atas");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private TableText() {}

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Column titles as a key: case, spacing around slashes and dots, and doubled spaces do not matter. */
    static String titleKey(String title) {
        return title.toLowerCase(Locale.ROOT)
                .replaceAll("\\s*/\\s*", "/")
                .replaceAll("\\s*\\.\\s*", ". ")
                .replaceAll("\\s+", " ")
                .trim();
    }

    /** "PENERBITAN IZIN USAHA DAN ..." to "Penerbitan Izin Usaha dan ..."; mixed-case text is kept as written. */
    static String titleCase(String text) {
        if (text == null || !text.equals(text.toUpperCase(Locale.ROOT))) {
            return text;
        }
        String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                sb.append(' ');
            }
            if (i > 0 && PARTICLES.contains(w)) {
                sb.append(w);
            } else if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }

    /**
     * Splits "1 Komputer 2 Kertas /Blangko 3 ATK" into its items. An item's number is found after the previous
     * one, preferring a number that follows a ';' or '.', because legal references carry numbers of their own
     * ("Nomor 4 Tahun 2019").
     */
    static List<String> numberedItems(String cell) {
        String text = TAG.matcher(cell == null ? "" : cell).replaceAll(" ").replaceAll("\\s+", " ").trim();
        List<String> items = new ArrayList<>();
        if (text.isEmpty()) {
            return items;
        }
        if (!text.startsWith("1 ")) {
            items.add(text);
            return items;
        }
        int start = 2;
        for (int n = 2; ; n++) {
            int at = find(text, n, start);
            if (at < 0) {
                items.add(trimItem(text.substring(start)));
                return items;
            }
            items.add(trimItem(text.substring(start, at)));
            start = at + String.valueOf(n).length() + 1;
        }
    }

    private static int find(String text, int n, int from) {
        Matcher punctuated = Pattern.compile("[;.]\\s" + n + "\\s").matcher(text);
        if (punctuated.find(from)) {
            return punctuated.start() + 2;
        }
        Matcher plain = Pattern.compile("\\s" + n + "\\s").matcher(text);
        return plain.find(from) ? plain.start() + 1 : -1;
    }

    private static String trimItem(String item) {
        return item.trim().replaceAll("[;]$", "").trim();
    }
}
