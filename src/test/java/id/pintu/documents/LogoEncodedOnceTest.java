package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** The logo encoded once and copied into documents decodes to exactly the pixels PDFBox's own encoding gives. */
class LogoEncodedOnceTest {

    private static final Path LOGO = Path.of("config/documents/logo.png");

    @Test
    void copiedLogoDecodesToTheSamePixelsAsAFreshEncoding() throws Exception {
        EncodedImage encoded = EncodedImage.of(LOGO);
        BufferedImage expected;
        try (PDDocument reference = new PDDocument()) {
            expected = PDImageXObject.createFromFile(LOGO.toString(), reference).getImage();
        }
        for (int copy = 0; copy < 2; copy++) {
            byte[] pdf = documentWith(encoded);
            try (PDDocument read = Loader.loadPDF(pdf)) {
                PDPage page = read.getPage(0);
                COSName name = page.getResources().getXObjectNames().iterator().next();
                PDImageXObject image = (PDImageXObject) page.getResources().getXObject(name);
                assertThat(image.getCOSObject().getCOSStream(COSName.SMASK)).as("alpha kept as a soft mask").isNotNull();
                BufferedImage actual = image.getImage();
                assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
                assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
                int differing = 0;
                for (int y = 0; y < expected.getHeight(); y++) {
                    for (int x = 0; x < expected.getWidth(); x++) {
                        if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
                            differing++;
                        }
                    }
                }
                assertThat(differing).as("pixels that differ").isZero();
            }
        }
    }

    private static byte[] documentWith(EncodedImage encoded) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(encoded.in(doc), 50, 600, 62, 62);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
