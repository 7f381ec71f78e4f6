package id.pintu.intake;

import id.pintu.security.ArchiveSniffer;
import id.pintu.security.HostileContentException;
import id.pintu.security.LimitsProperties;
import id.pintu.security.SafePdf;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Looks at what a file is, not what it is called: the type comes from its first bytes (PDF, JPEG, PNG), a PDF must
 * open in PDFBox, and the size is bounded. The verdict's problem is written for the applicant, in Bahasa Indonesia.
 */
@Component
public class ContentCheck {

    /** @param firstPageText a valid PDF's first page as text, when the check was asked to read it; else null */
    public record Verdict(String contentType, boolean valid, String problem, String firstPageText) {

        public Verdict(String contentType, boolean valid, String problem) {
            this(contentType, valid, problem, null);
        }
    }

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    /** Word-processor and spreadsheet files, which applicants often send instead of a PDF of them. */
    private static final Set<String> OFFICE_FILES = Set.of(".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".rtf",
            ".ppt", ".pptx");

    private final IntakeProperties properties;
    private final SafePdf pdf;

    /** PDFs are opened through {@link SafePdf} (bounded memory, page limit, decompression-bomb check). */
    @Autowired
    public ContentCheck(IntakeProperties properties, LimitsProperties limits) {
        this.properties = properties;
        this.pdf = new SafePdf(limits.withPdfMaxMainMemory(properties.pdfMaxMemory()));
    }

    public ContentCheck(IntakeProperties properties) {
        this(properties, LimitsProperties.defaults());
    }

    /** An email attachment or a scan, bounded by {@code pintu.intake.max-attachment-size}. */
    public Verdict check(String fileName, byte[] content) {
        return check(fileName, content, false);
    }

    /**
     * As {@link #check(String, byte[])}; with {@code readFirstPage} a valid PDF's verdict also carries its first page's
     * text, read in the same opening (the dossier recognises a file whose name says nothing by its title).
     */
    public Verdict check(String fileName, byte[] content, boolean readFirstPage) {
        return check(fileName, content, properties.maxAttachmentSize().toBytes(), readFirstPage);
    }

    /**
     * A file bounded by {@code max} bytes: the pages' uploads have their own limit ({@code pintu.web.max-upload-size})
     * and are judged by the same rules, so the counter refuses a file with the same reason an email reply gives.
     */
    public Verdict check(String fileName, byte[] content, long max) {
        return check(fileName, content, max, false);
    }

    private Verdict check(String fileName, byte[] content, long max, boolean readFirstPage) {
        String type = sniff(content);
        if (content.length > max) {
            return new Verdict(type, false, "ukuran file " + kb(content.length) + " melebihi batas " + kb(max));
        }
        if (content.length == 0) {
            return new Verdict(null, false, "file kosong");
        }
        if (type == null) {
            return new Verdict("application/octet-stream", false, notAccepted(fileName, content));
        }
        if (PDF.equals(type)) {
            return pdfVerdict(fileName, content, readFirstPage);
        }
        return new Verdict(type, true, null);
    }

    /** The type by magic bytes; null when it is none of the accepted ones. */
    static String sniff(byte[] c) {
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return PDF;
        }
        if (c.length >= 3 && (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8 && (c[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (c.length >= 8 && (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G' && c[4] == 0x0D
                && c[5] == 0x0A && c[6] == 0x1A && c[7] == 0x0A) {
            return PNG;
        }
        return null;
    }

    private Verdict pdfVerdict(String fileName, byte[] content, boolean readFirstPage) {
        try {
            SafePdf.Inspection inspection = pdf.inspect(fileName == null ? "file" : fileName, content, readFirstPage);
            if (inspection.pages() < 1) {
                return new Verdict(PDF, false, "PDF tidak memiliki halaman");
            }
            return new Verdict(PDF, true, null, inspection.firstPageText());
        } catch (HostileContentException e) {
            return new Verdict(PDF, false, switch (e.kind()) {
                case ENCRYPTED -> "PDF terkunci dengan kata sandi";
                case TOO_MANY_PAGES -> "PDF terlalu banyak halamannya";
                case DECOMPRESSION_BOMB -> "isi PDF membengkak melampaui batas saat dibuka";
                default -> "PDF rusak dan tidak dapat dibuka";
            });
        }
    }

    /**
     * Why a file of none of the accepted types is refused, saying what to send instead where the file shows what it
     * is: Outlook's winmail.dat (by its first bytes), a word-processor or spreadsheet file (by its name), an archive
     * (by its first bytes).
     */
    private static String notAccepted(String fileName, byte[] content) {
        String ext = extension(fileName);
        if (content.length >= 4 && (content[0] & 0xff) == 0x78 && (content[1] & 0xff) == 0x9F && content[2] == 0x3E
                && content[3] == 0x22) {
            // TNEF: Outlook wrapped the real attachments in winmail.dat when it sent the email in its own format.
            return "lampiran winmail.dat dari Outlook tidak dapat dibuka; kirim ulang email dalam format HTML atau"
                    + " teks biasa, dengan dokumen sebagai lampiran PDF, JPG atau PNG";
        }
        if (OFFICE_FILES.contains(ext)) {
            return "file " + ext + " tidak diterima; simpan atau cetak sebagai PDF, lalu kirim ulang";
        }
        Optional<String> archive = ArchiveSniffer.archiveKind(content);
        if (archive.isPresent()) {
            return "file arsip " + archive.get() + " tidak diterima; kirim setiap dokumen sebagai file PDF, JPG atau"
                    + " PNG tersendiri";
        }
        return "isi file bukan PDF, JPG atau PNG"
                + (looksLike(fileName) ? " (walaupun namanya berakhiran " + ext + ")" : "");
    }

    private static boolean looksLike(String name) {
        String ext = extension(name);
        return ext.equals(".pdf") || ext.equals(".jpg") || ext.equals(".jpeg") || ext.equals(".png");
    }

    private static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
    }

    private static String kb(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }
}
