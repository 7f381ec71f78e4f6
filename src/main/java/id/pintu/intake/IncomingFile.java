package id.pintu.intake;

/** A file the applicant sent (an email attachment or a scan), with a name safe to store and show. */
public record IncomingFile(String name, byte[] content) {

    public IncomingFile {
        name = safeName(name);
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
