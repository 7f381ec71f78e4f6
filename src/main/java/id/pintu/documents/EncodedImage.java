package id.pintu.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An image encoded for PDF once and embedded in any number of documents as the same compressed bytes. Encoding a
 * PNG for PDF (PDFBox's {@code LosslessFactory}: a predictor and deflate over every pixel, plus a soft mask for
 * the alpha channel) costs far more than laying out a whole letter, and the letterhead's logo is the same in every
 * document, so it is encoded when first needed and copied afterwards (docs/benchmark.md).
 *
 * <p>The encoded form holds plain Java values, never PDFBox objects of another document, so documents rendered
 * on several threads at once share nothing mutable.
 */
final class EncodedImage {

    private record Stream(Map<COSName, Object> dictionary, byte[] raw) {}

    private record Str(byte[] bytes) {}

    private final Stream image;

    private EncodedImage(Stream image) {
        this.image = image;
    }

    /** Encodes the file (PNG, JPEG, ...) the way PDFBox would for one document. */
    static EncodedImage of(Path file) throws IOException {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject encoded = PDImageXObject.createFromFile(file.toString(), scratch);
            return new EncodedImage((Stream) freeze(encoded.getCOSObject()));
        }
    }

    /** The image as an object of {@code doc}, from the bytes encoded once. */
    PDImageXObject in(PDDocument doc) throws IOException {
        return new PDImageXObject(new PDStream((COSStream) thaw(image, doc)), null);
    }

    private static Object freeze(COSBase value) throws IOException {
        COSBase v = value instanceof COSObject o ? o.getObject() : value;
        if (v instanceof COSStream s) {
            byte[] raw;
            try (InputStream in = s.createRawInputStream()) {
                raw = in.readAllBytes();
            }
            return new Stream(freezeEntries(s), raw);
        }
        if (v instanceof COSDictionary d) {
            return freezeEntries(d);
        }
        if (v instanceof COSArray a) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                items.add(freeze(a.get(i)));
            }
            return items;
        }
        if (v instanceof COSString s) {
            return new Str(s.getBytes().clone());
        }
        return v; // COSName, COSInteger, COSFloat, COSBoolean, COSNull: immutable
    }

    private static Map<COSName, Object> freezeEntries(COSDictionary d) throws IOException {
        Map<COSName, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
            if (!COSName.LENGTH.equals(e.getKey())) {
                entries.put(e.getKey(), freeze(e.getValue()));
            }
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static COSBase thaw(Object frozen, PDDocument doc) throws IOException {
        if (frozen instanceof Stream s) {
            COSStream stream = doc.getDocument().createCOSStream();
            putAll(stream, s.dictionary(), doc);
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(s.raw());
            }
            return stream;
        }
        if (frozen instanceof Map<?, ?> m) {
            COSDictionary d = new COSDictionary();
            putAll(d, (Map<COSName, Object>) m, doc);
            return d;
        }
        if (frozen instanceof List<?> l) {
            COSArray a = new COSArray();
            for (Object item : l) {
                a.add(thaw(item, doc));
            }
            return a;
        }
        if (frozen instanceof Str s) {
            return new COSString(s.bytes().clone());
        }
        return (COSBase) frozen;
    }

    private static void putAll(COSDictionary target, Map<COSName, Object> entries, PDDocument doc) throws IOException {
        for (Map.Entry<COSName, Object> e : entries.entrySet()) {
            target.setItem(e.getKey(), thaw(e.getValue(), doc));
        }
    }
}
