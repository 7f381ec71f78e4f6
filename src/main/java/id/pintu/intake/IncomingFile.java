package id.pintu.intake;

/**
 * A file the applicant sent (an email attachment or a scan), with a name safe to store and show.
 *
 * @param problem why the file is refused before its content is looked at (it could not be taken out of the email);
 *     null for a file whose content the dossier check judges
 */
public record IncomingFile(String name, byte[] content, String problem) {

    public IncomingFile {
        name = safeName(name);
    }

    public IncomingFile(String name, byte[] content) {
        this(name, content, null);
    }

    /** A file that arrived but whose content could not be taken: listed as refused with {@code problem}. */
    static IncomingFile refused(String name, String problem) {
        return new IncomingFile(name, new byte[0], problem);
    }

    /** The last path segment, printable characters only, at most 200 characters. */
    static String safeName(String raw) {
        String n = raw == null ? "" : raw;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "lampiran";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
