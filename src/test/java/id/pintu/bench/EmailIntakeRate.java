package id.pintu.bench;

import id.pintu.mail.MailProperties;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Applications by email: messages sent over SMTP to the hub's own mail server (GreenMail, as in the embedded
 * default), each a new application with a 1 MB PDF attached, until the hub created a case for every one. The rate
 * is applications per second from the first send to the last case, so it includes the mailbox poll.
 */
final class EmailIntakeRate {

    record Rate(int emails, double seconds, int attachmentBytes) {
        double perSecond() {
            return emails / seconds;
        }
    }

    static Rate measure(BenchHub hub, int emails) throws Exception {
        MailProperties mail = hub.bean(MailProperties.class);
        byte[] pdf = pdfOfAboutOneMegabyte();
        Properties p = new Properties();
        p.put("mail.smtp.host", mail.smtp().host());
        p.put("mail.smtp.port", String.valueOf(mail.smtp().port()));
        Session session = Session.getInstance(p);
        long before = emailCases(hub);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < emails; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    Transport.send(application(session, mail.officeAddress(), n, pdf));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        StaffSimulation.awaitUntil(() -> emailCases(hub) >= before + emails, 600_000, "emailed applications");
        return new Rate(emails, (System.nanoTime() - start) / 1e9, pdf.length);
    }

    private static long emailCases(BenchHub hub) {
        Long n = hub.jdbc().queryForObject("SELECT COUNT(*) FROM application WHERE channel = 'email'", Long.class);
        return n == null ? 0 : n;
    }

    private static MimeMessage application(Session session, String office, int n, byte[] pdf) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("pemohon" + n + "@contoh.co.id"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(office));
        m.setSubject("Permohonan Izin Perluasan Usaha Industri");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Nama Perusahaan: PT Kopi Sidikalang Jaya " + n + "\n"
                + "NIB: 9120001234567\nNPWP: 012345678901000\nKBLI: 10761\n"
                + "Alamat: Jl. Sisingamangaraja No. 10, Sidikalang\n"
                + "Nama Pemohon: Budi Santoso " + n + "\nTelepon: 081234567890\n", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName("surat-permohonan.pdf");
        MimeMultipart body = new MimeMultipart(text, attachment);
        m.setContent(body);
        return m;
    }

    /** A valid one-page PDF of about 1 MB: a scan-like image of random pixels, which does not compress. */
    static byte[] pdfOfAboutOneMegabyte() throws Exception {
        BufferedImage image = new BufferedImage(600, 580, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDImageXObject scan = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(scan, 20, 20, 570, 550);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
