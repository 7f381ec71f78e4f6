package id.pintu.security;

import java.text.Normalizer;

/**
 * A file name as it may be stored and later offered as a download: no folder part (so {@code ../../etc/passwd}
 * becomes {@code passwd}), no control characters (CR/LF could split a header), no leading dots, at most
 * {@link #MAX_LENGTH} characters keeping the extension. Used for every name that comes from outside (uploads, mail
 * attachments, the scan folder) by {@code DocumentStore.store}.
 */
public final class SafeFileName {

    public static final int MAX_LENGTH = 200;
    public static final String FALLBACK = "berkas";

    private SafeFileName() {}

    public static String of(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String n = Normalizer.normalize(original, Normalizer.Form.NFC).replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        StringBuilder clean = new StringBuilder(n.length());
        n.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && c != '"' && c != '<' && c != '>' && c != '|' && c != '*' && c != '?' && c != ':')
                .forEach(clean::appendCodePoint);
        n = clean.toString().strip().replaceAll("^\\.+", "").strip();
        if (n.isEmpty()) {
            return FALLBACK;
        }
        if (n.length() > MAX_LENGTH) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, MAX_LENGTH - ext.length()).strip() + ext;
        }
        return n;
    }
}
