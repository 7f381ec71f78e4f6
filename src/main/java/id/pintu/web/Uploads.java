package id.pintu.web;

import id.pintu.security.HostileContentException;
import id.pintu.security.SafePdf;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded scan or report by its first bytes, never by the name or the type the browser claims: only
 * PDF, JPEG and PNG are kept, so nothing a browser would run as a page can be stored and served back.
 */
final class Uploads {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

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

    static Optional<String> contentType(byte[] head) {
        if (startsWith(head, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(head, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, PNG)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    /** Also opens a PDF with {@link SafePdf}: unreadable, too many pages or a decompression bomb is refused. */
    static Checked check(MultipartFile file, long maxBytes, SafePdf pdf) throws Refused {
        Checked checked = check(file, maxBytes);
        if ("application/pdf".equals(checked.contentType())) {
            try {
                pdf.inspect(checked.name(), checked.content());
            } catch (HostileContentException e) {
                throw new Refused("upload.unsafePdf", checked.name());
            }
        }
        return checked;
    }

    static Checked check(MultipartFile file, long maxBytes) throws Refused {
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
        String type = contentType(content).orElseThrow(() -> new Refused("upload.type", name));
        return new Checked(name, type, content);
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

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
