package id.pintu.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real files to upload from the browser: a one-page PDF, a PNG, and a text file posing as a PDF. */
final class TestFiles {

    private TestFiles() {}

    static Path pdf(String name, String text) throws IOException {
        Path file = Files.createTempDirectory("pintu-upload-").resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    static Path png(String name) throws IOException {
        Path file = Files.createTempDirectory("pintu-upload-").resolve(name);
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        Files.write(file, out.toByteArray());
        return file;
    }

    static Path fakePdf(String name) throws IOException {
        Path file = Files.createTempDirectory("pintu-upload-").resolve(name);
        Files.writeString(file, "<html><script>alert(1)</script></html>");
        return file;
    }
}
