package id.pintu.web;

import id.pintu.intake.ContentCheck;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded scan or report by its content, never by the name or the type the browser claims: only PDF,
 * JPEG and PNG are kept, so nothing a browser would run as a page can be stored and served back.
 */
final class Uploads {

    /** A checked file: its bytes and the content type its bytes prove. */
    record Checked(String name, String contentType, byte[] content) {}

    /** Why a file was refused: a message key and its arguments. */
    static final class Refused extends Exception {
        private final String key;
        private final transient Object[] args;

        Refused(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        String key() {
            return key;
        }

        Object[] args() {
            return args;
        }
    }

    private Uploads() {}

    /**
     * Reads the file and judges it with the intake's {@link ContentCheck} (its first bytes, a PDF opened with its
     * limits), bounded by {@code maxBytes}: the refusal carries the same reason an emailed attachment's would.
     */
    static Checked check(MultipartFile file, long maxBytes, ContentCheck contentCheck) throws Refused {
        String name = safeName(file.getOriginalFilename());
        if (file.isEmpty()) {
            throw new Refused("upload.empty", name);
        }
        if (file.getSize() > maxBytes) {
            throw new Refused("upload.tooLarge", name, maxBytes / (1024 * 1024));
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new Refused("upload.unreadable", name);
        }
        ContentCheck.Verdict verdict = contentCheck.check(name, content, maxBytes);
        if (!verdict.valid()) {
            throw new Refused("upload.refused", name, verdict.problem());
        }
        return new Checked(name, verdict.contentType(), content);
    }

    /** The file name without any folder part, shortened to fit the document table. */
    static String safeName(String original) {
        String n = original == null ? "" : original.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        if (n.isEmpty()) {
            n = "berkas";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    /** A document kind from a free text such as a step's output ("Berita Acara" -> "berita-acara"). */
    static String slug(String text) {
        String s = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "berkas";
        }
        return s.length() > 64 ? s.substring(0, 64).replaceAll("-+$", "") : s;
    }

}
