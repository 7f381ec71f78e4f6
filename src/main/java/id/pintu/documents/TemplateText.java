package id.pintu.documents;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The office's editable texts with {@code ${name}} placeholders. Substitution is one pass over the template: a
 * value is copied as it is and never scanned again, so a company named {@code ${officeName}} stays that name
 * (no template injection).
 */
public final class TemplateText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private TemplateText() {}

    /** Fills the placeholders; an empty or missing value prints as "-". */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null || v.isBlank() ? "-" : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
