package id.pintu.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal identity numbers and secrets in log text (UU 27/2022; see docs/security.md). Identity numbers
 * keep their last four digits so a clerk can still match a line to a case: NIK (16 digits), NIB (13), NPWP (15 or
 * 16, also in its dotted form). Secrets are replaced entirely: {@code token=}, {@code password=}, and
 * {@code Authorization: Basic/Bearer} values. A bare run of 13 to 16 digits is masked even when it is something
 * else (an epoch-millisecond timestamp): a masked harmless number costs less than a leaked NIK.
 */
public final class LogMasking {

    private static final Pattern NPWP_DOTTED = Pattern.compile("(?<!\\d)\\d{2}\\.\\d{3}\\.\\d{3}\\.\\d-\\d{3}\\.(\\d{3})(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![\\d])(\\d{9,12})(\\d{4})(?!\\d)");
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:token|password|passwd|kata_?sandi|secret)[\"']?\\s*[=:]\\s*[\"']?)[^&\\s\"',;}]+");
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?i)(authorization[\"']?\\s*[=:]\\s*[\"']?(?:basic|bearer)\\s+)[A-Za-z0-9+/=._~-]+");

    private LogMasking() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = AUTH_HEADER.matcher(text).replaceAll("$1****");
        s = SECRET.matcher(s).replaceAll("$1****");
        s = NPWP_DOTTED.matcher(s).replaceAll("**.***.***.*-***.$1");
        Matcher m = ID_NUMBER.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, "*".repeat(m.group(1).length()) + m.group(2));
        }
        m.appendTail(out);
        return out.toString();
    }
}
