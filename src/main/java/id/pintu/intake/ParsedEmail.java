package id.pintu.intake;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * An email as the intake needs it, read from its raw bytes: sender, subject, the ids it answers, its text and its
 * attachments. A part that cannot be read is skipped with a note rather than failing the whole email.
 */
public record ParsedEmail(String messageId, String sender, String subject, List<String> answers, String text,
        List<IncomingFile> attachments, List<String> unreadable) {

    private static final Session SESSION = Session.getInstance(new Properties());

    public static ParsedEmail parse(byte[] raw) throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        String sender = null;
        Address[] from = m.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia) {
            sender = ia.getAddress();
        }
        List<String> answers = new ArrayList<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String[] values = m.getHeader(header);
            if (values != null) {
                for (String v : values) {
                    Arrays.stream(v.split("\\s+")).map(String::strip).filter(s -> s.startsWith("<"))
                            .forEach(answers::add);
                }
            }
        }
        List<IncomingFile> files = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        walk(m, text, html, files, unreadable);
        String body = text.length() > 0 ? text.toString()
                : html.toString().replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n").replaceAll("<[^>]+>", "");
        return new ParsedEmail(m.getMessageID(), sender, m.getSubject() == null ? "" : m.getSubject(),
                answers, body, files, unreadable);
    }

    private static void walk(Part p, StringBuilder text, StringBuilder html, List<IncomingFile> files,
            List<String> unreadable) {
        try {
            String disposition = p.getDisposition();
            String fileName = p.getFileName();
            if (fileName != null) {
                fileName = MimeUtility.decodeText(fileName);
            }
            if (p.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) p.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart child = mp.getBodyPart(i);
                    walk(child, text, html, files, unreadable);
                }
            } else if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
                try (InputStream in = p.getInputStream()) {
                    files.add(new IncomingFile(fileName, in.readAllBytes()));
                }
            } else if (p.isMimeType("text/plain")) {
                text.append(p.getContent()).append('\n');
            } else if (p.isMimeType("text/html")) {
                html.append(p.getContent()).append('\n');
            } else if (p.isMimeType("message/rfc822")) {
                unreadable.add("email terlampir diabaikan (tetap tersimpan dalam email asli)");
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            unreadable.add("bagian email tidak dapat dibaca: " + e.getMessage());
        }
    }
}
