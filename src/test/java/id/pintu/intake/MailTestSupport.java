package id.pintu.intake;

import static org.awaitility.Awaitility.await;

import id.pintu.mail.MailProperties;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Sends to the hub's mail server over SMTP and reads applicants' mailboxes over IMAP, like a mail client. */
public class MailTestSupport {

    public static final List<String> ALL_DOCUMENTS = List.of("surat-permohonan", "nib", "npwp", "ktp-penanggung-jawab",
            "akta-pendirian", "izin-usaha-industri", "dokumen-lingkungan", "rencana-perluasan");

    public static final String BODY = """
            Dengan hormat,

            Nama Perusahaan: PT Kopi Sidikalang Jaya
            NIB: 9120001234567
            NPWP: 01.234.567.8-901.000
            KBLI: 10761
            Alamat: Jl. Sisingamangaraja No. 10, Sidikalang
            Nama Pemohon: Budi Santoso
            Telepon: 081234567890

            Hormat kami,
            Budi Santoso
            """;

    /** A mail in a mailbox, read whole; {@code autoSubmitted}: its Auto-Submitted header (RFC 3834), null if none. */
    public record Received(String subject, String messageId, String text, Map<String, byte[]> attachments,
            String autoSubmitted) {

        /** The tracking code the hub's mails carry in their subject ({@code [PTU-26-XXXXXXX] ...}). */
        public String trackingCode() {
            return subject.replaceAll(".*\\[(PTU-[^\\]]+)].*", "$1");
        }
    }

    private final MailProperties mail;
    private final Session session = Session.getInstance(new Properties());

    public MailTestSupport(MailProperties mail) {
        this.mail = mail;
    }

    public static byte[] pdf(String text) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText(text);
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, byte[]> pdfs(List<String> names) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        names.forEach(n -> files.put(n + ".pdf", pdf("Scan " + n)));
        return files;
    }

    public MimeMessage message(String from, String subject, String body, Map<String, byte[]> files, String messageId,
            String inReplyTo) throws Exception {
        String id = messageId == null ? "<" + UUID.randomUUID() + "@contoh.co.id>" : messageId;
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.officeAddress()));
        m.setSubject(subject, "UTF-8");
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
            m.setHeader("References", inReplyTo);
        }
        MimeMultipart mp = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        mp.addBodyPart(text);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(f.getValue(), "application/pdf")));
            part.setFileName(f.getKey());
            part.setDisposition(Part.ATTACHMENT);
            mp.addBodyPart(part);
        }
        m.setContent(mp);
        m.saveChanges();
        return m;
    }

    /** {@code inner} forwarded as an attachment ("forward as attachment"), below a short text of the sender's. */
    public MimeMessage forwarded(String from, String subject, String text, MimeMessage inner) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.officeAddress()));
        m.setSubject(subject, "UTF-8");
        MimeMultipart mp = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        mp.addBodyPart(body);
        MimeBodyPart attached = new MimeBodyPart();
        attached.setContent(inner, "message/rfc822");
        attached.setFileName("berkas-permohonan.eml");
        attached.setDisposition(Part.ATTACHMENT);
        mp.addBodyPart(attached);
        m.setContent(mp);
        m.saveChanges();
        return m;
    }

    public void send(MimeMessage m) throws Exception {
        Transport transport = session.getTransport("smtp");
        transport.connect(mail.smtp().host(), mail.smtp().port(), null, null);
        try {
            transport.sendMessage(m, m.getAllRecipients());
        } finally {
            transport.close();
        }
    }

    public List<Received> inbox(String address) throws Exception {
        Store store = session.getStore("imap");
        store.connect(mail.imap().host(), mail.imap().port(), address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Received> out = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                StringBuilder text = new StringBuilder();
                Map<String, byte[]> attachments = new LinkedHashMap<>();
                read(m, text, attachments);
                String[] auto = m.getHeader("Auto-Submitted");
                out.add(new Received(m.getSubject(), ((MimeMessage) m).getMessageID(), text.toString(), attachments,
                        auto == null ? null : auto[0]));
            }
            inbox.close(false);
            return out;
        } finally {
            store.close();
        }
    }

    public Received awaitMail(String address, Predicate<Received> which) {
        Received[] found = new Received[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (Received r : inbox(address)) {
                if (which.test(r)) {
                    found[0] = r;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static void read(Part p, StringBuilder text, Map<String, byte[]> attachments) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                read(b, text, attachments);
            }
        } else if (p.getFileName() != null) {
            try (InputStream in = p.getInputStream()) {
                attachments.put(p.getFileName(), in.readAllBytes());
            }
        } else if (p.isMimeType("text/plain")) {
            text.append(p.getContent());
        }
    }
}
