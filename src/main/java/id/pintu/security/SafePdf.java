package id.pintu.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The one way to open a PDF that came from outside (an applicant's upload or mail attachment): PDFBox with bounded
 * memory (spilling to a size-limited temporary file), a page limit, and every stream decompressed once with a
 * running total, so a decompression bomb is refused before it fills memory. Opening never fetches anything:
 * PDFBox resolves no external references while loading, and nothing here renders or runs actions.
 */
@Component
@EnableConfigurationProperties(LimitsProperties.class)
public class SafePdf {

    /** What an inspection found; {@code firstPageText} null unless asked for. */
    public record Inspection(int pages, long inflatedBytes, boolean encrypted, String firstPageText) {}

    private final LimitsProperties limits;

    public SafePdf(LimitsProperties limits) {
        this.limits = limits;
    }

    /** With the default limits, for code that runs without Spring. */
    public static SafePdf withDefaults() {
        return new SafePdf(LimitsProperties.defaults());
    }

    /** Opens a PDF within the memory limits; the caller closes it. */
    public PDDocument open(byte[] content) {
        try {
            return Loader.loadPDF(content, "", null, null,
                    MemoryUsageSetting.setupMixed(limits.pdfMaxMainMemory().toBytes(), limits.pdfMaxStorage().toBytes())
                            .streamCache);
        } catch (InvalidPasswordException e) {
            throw new HostileContentException(HostileContentException.Kind.ENCRYPTED, "the PDF is password-protected", e);
        } catch (IOException | RuntimeException e) {
            throw new HostileContentException(HostileContentException.Kind.UNREADABLE,
                    "not a readable PDF: " + e.getMessage(), e);
        }
    }

    /** Opens the PDF and checks pages and decompressed size; throws {@link HostileContentException} when over. */
    public Inspection inspect(String name, byte[] content) {
        return inspect(name, content, false);
    }

    /**
     * As {@link #inspect(String, byte[])}, and with {@code readFirstPage} also the text of the first page (empty for
     * a scan, which is an image, or when it cannot be read), taken in the same opening once the checks passed.
     */
    public Inspection inspect(String name, byte[] content, boolean readFirstPage) {
        try (PDDocument doc = open(content)) {
            int pages = doc.getNumberOfPages();
            if (pages > limits.pdfMaxPages()) {
                throw new HostileContentException(HostileContentException.Kind.TOO_MANY_PAGES, "'" + name + "' has " + pages + " pages; at most "
                        + limits.pdfMaxPages() + " are accepted");
            }
            long inflated = inflatedSize(name, doc);
            return new Inspection(pages, inflated, doc.isEncrypted(), readFirstPage ? firstPageText(doc) : null);
        } catch (IOException e) {
            throw new HostileContentException(HostileContentException.Kind.UNREADABLE,
                    "'" + name + "' is not a readable PDF: " + e.getMessage(), e);
        }
    }

    /** The text of the first page of an open PDF: empty for a scan (an image) or when it cannot be read. */
    public static String firstPageText(PDDocument doc) {
        try {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            return text.getText(doc);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private long inflatedSize(String name, PDDocument doc) throws IOException {
        long max = limits.pdfMaxInflated().toBytes();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        for (Map.Entry<COSObjectKey, Long> entry : doc.getDocument().getXrefTable().entrySet()) {
            COSObject object = doc.getDocument().getObjectFromPool(entry.getKey());
            COSBase base = object == null ? null : object.getObject();
            if (!(base instanceof COSStream stream)) {
                continue;
            }
            try (InputStream in = stream.createInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > max) {
                        throw new HostileContentException(HostileContentException.Kind.DECOMPRESSION_BOMB,
                                "'" + name + "' decompresses to more than "
                                + limits.pdfMaxInflated().toMegabytes() + " MB (a decompression bomb?)");
                    }
                }
            } catch (IOException e) {
                // PDFBox's own storage limit hit while decoding: as much a bomb as our count.
                if (String.valueOf(e.getMessage()).contains("exceed")) {
                    throw new HostileContentException(HostileContentException.Kind.DECOMPRESSION_BOMB,
                            "'" + name + "' decompresses beyond the memory allowed for one"
                            + " PDF (a decompression bomb?)", e);
                }
                // Otherwise a stream with an unknown or broken filter: it cannot inflate, nothing to count.
            }
        }
        return total;
    }
}
