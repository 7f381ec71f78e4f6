package id.pintu.web;

import id.pintu.documents.DocumentStore;
import id.pintu.intake.ContentCheck;
import id.pintu.intake.DossierService;
import id.pintu.intake.IncomingFile;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /** A refusal as the page shows it: a message key and its arguments (kept in the session across a redirect). */
    record Problem(String key, Object[] args) implements Serializable {}

    /** Several files judged together: those that pass, as the dossier takes them, and why the others were refused. */
    record Batch(List<DossierService.Judged> accepted, List<Problem> refused) {}

    private Uploads() {}

    /** The files actually chosen: a form's empty file fields left out. */
    static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
    }

    /** Why a form's chosen files are refused by their number (none, or more than {@code max}), if they are. */
    static Optional<Problem> countProblem(List<MultipartFile> chosen, int max) {
        if (chosen.isEmpty()) {
            return Optional.of(new Problem("walkin.error.scansMissing", new Object[0]));
        }
        return chosen.size() > max ? Optional.of(new Problem("walkin.error.scansTooMany", new Object[] {max}))
                : Optional.empty();
    }

    /**
     * Judges every file (none is skipped after a refusal, so every problem is named at once); a file whose content
     * came earlier in the same upload, or is already among the case's documents ({@code stored}: SHA-256 to the
     * stored name), is refused too.
     */
    static Batch checkAll(List<MultipartFile> files, long maxBytes, ContentCheck contentCheck,
            Map<String, String> stored) {
        List<DossierService.Judged> accepted = new ArrayList<>();
        List<Problem> refused = new ArrayList<>();
        for (MultipartFile f : files) {
            try {
                Checked scan = check(f, maxBytes, contentCheck);
                String twin = accepted.stream().filter(j -> Arrays.equals(j.file().content(), scan.content()))
                        .map(j -> j.file().name()).findFirst().orElse(null);
                String earlier = stored.get(DocumentStore.sha256(scan.content()));
                if (twin != null) {
                    refused.add(new Problem("upload.twice", new Object[] {scan.name(), twin}));
                } else if (earlier != null) {
                    refused.add(new Problem("upload.alreadyInCase", new Object[] {scan.name(), earlier}));
                } else {
                    accepted.add(new DossierService.Judged(new IncomingFile(scan.name(), scan.content()),
                            new ContentCheck.Verdict(scan.contentType(), true, null)));
                }
            } catch (Refused r) {
                refused.add(new Problem(r.key(), r.args()));
            }
        }
        return new Batch(accepted, refused);
    }

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
