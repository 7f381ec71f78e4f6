package id.pintu.sop.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes definition YAML in the hand-written layout of {@code config/sop/}, which Jackson cannot: comments
 * (the header lists, inferences and {@code # QUESTION} lines) stand next to the values they explain.
 */
final class DefinitionYamlWriter {

    private static final int WIDTH = 116;
    private static final Pattern SAFE_START = Pattern.compile("[\\p{L}\\p{N}(]");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?[0-9][0-9_.,:]*([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|\\d{4}-\\d\\d-\\d\\d.*");
    private static final List<String> RESERVED = List.of("null", "~", "true", "false", "yes", "no", "on", "off", "y", "n");

    private final StringBuilder out = new StringBuilder();

    void comment(String indent, String text) {
        for (String line : wrap(text, WIDTH - indent.length() - 2)) {
            out.append(indent).append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
    }

    void line(String text) {
        out.append(text).append('\n');
    }

    void field(String indent, String key, String value) {
        out.append(indent).append(key).append(": ").append(value == null ? "null" : scalar(value)).append('\n');
    }

    void raw(String indent, String key, Object value) {
        out.append(indent).append(key).append(": ").append(value == null ? "null" : value.toString()).append('\n');
    }

    void flowList(String indent, String key, List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add(v.matches("[a-z0-9][a-z0-9-]*") ? v : quote(v));
        }
        out.append(indent).append(key).append(": [").append(String.join(", ", quoted)).append("]\n");
    }

    String text() {
        return out.toString();
    }

    static String scalar(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        boolean plain = !value.isEmpty()
                && SAFE_START.matcher(value.substring(0, 1)).matches()
                && value.equals(value.trim())
                && !value.contains(": ") && !value.endsWith(":") && !value.contains(" #")
                && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && !RESERVED.contains(lower)
                && !NUMBER_LIKE.matcher(value).matches();
        return plain ? value : quote(value);
    }

    private static String quote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String lead = paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
            String body = paragraph.strip();
            if (body.isEmpty()) {
                lines.add("");
                continue;
            }
            StringBuilder line = new StringBuilder(lead);
            int fresh = line.length();
            for (String word : body.split("\\s+")) {
                if (line.length() > fresh && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(lead).append("  ");
                    fresh = line.length();
                }
                if (line.length() > fresh) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
