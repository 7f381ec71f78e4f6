package id.pintu.intake;

import id.pintu.security.ControlCharacters;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An email as the intake needs it, read from its raw bytes: sender, subject, the ids it answers, its text and its
 * attachments. An email forwarded as an attachment (message/rfc822, as "forward as attachment" sends it) is opened:
 * its attachments are the applicant's files too, and its text follows this email's (whose form fields come first),
 * down to {@value #MAX_NESTED} emails deep; an attached email the hub sent itself (the applicant's receipt mail,
 * attached to a reply) is left out, so the hub's own PDFs do not join the dossier. An attachment that cannot be read,
 * or an email nested deeper, is kept as a file with its problem, so that the applicant is told rather than the part
 * silently dropped.
 */
public record ParsedEmail(String messageId, String sender, String subject, List<String> answers, String text,
        List<IncomingFile> attachments, String automatic) {

    /** Precedence values that mark a message no person wrote (RFC 3834 section 2; "list": a mailing list). */
    private static final List<String> AUTOMATIC_PRECEDENCE = List.of("bulk", "junk", "list", "auto_reply");
    /** Headers that vacation responders of several mail systems set, whatever their value. */
    private static final List<String> AUTORESPONDER_HEADERS = List.of("X-Autoreply", "X-Autorespond",
            "X-Autoresponse");
    /** Mailbox names that send delivery reports, not people. */
    private static final List<String> REPORTING_MAILBOXES = List.of("mailer-daemon", "postmaster");

    /** How many emails deep attached emails are opened (one forwarded inside another inside another). */
    static final int MAX_NESTED = 3;

    /**
     * How many MIME parts deep the walk goes at most: mail clients nest a few; a hostile email nesting thousands would
     * otherwise exhaust the stack, an error no handler takes, and the email would be fetched again and again.
     */
    static final int MAX_PARTS_DEEP = 32;

    private static final Session SESSION = Session.getInstance(new Properties());

    public static ParsedEmail parse(byte[] raw) throws MessagingException, IOException {
        return parse(raw, messageId -> false);
    }

    /** {@code sentByTheHub}: whether a Message-ID is one of the hub's own mails (an attached one is left out). */
    public static ParsedEmail parse(byte[] raw, Predicate<String> sentByTheHub) throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        String sender = null;
        Address[] from = m.getFrom();
        // An address longer than SMTP allows (254) is no one the office can answer: unknown sender, to review
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia && ia.getAddress() != null
                && ia.getAddress().length() <= MAX_ADDRESS && !CONTROL.matcher(ia.getAddress()).find()) {
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
        Parts parts = new Parts(sentByTheHub);
        walk(m, 0, 0, false, parts);
        String body = parts.text.length() > 0 ? parts.text.toString() : htmlText(parts.html.toString());
        return new ParsedEmail(m.getMessageID(), sender,
                m.getSubject() == null ? "" : CONTROL.matcher(m.getSubject()).replaceAll(" "),
                answers, ControlCharacters.strip(body), List.copyOf(parts.files), automatic(m, sender));
    }

    /** The longest address SMTP carries (RFC 5321: a path of 256 characters with its angle brackets). */
    static final int MAX_ADDRESS = 254;

    /** Control characters, NUL among them (PostgreSQL refuses a text with NUL): a subject has none of them. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /**
     * A text part's text. A charset Java does not know ({@code unknown-8bit}, {@code x-unknown}, a misspelt one) made
     * JavaMail throw, the part was dropped, and an applicant who had filled in every field was told every field was
     * missing: the bytes are read as UTF-8 then, or as Windows-1252 where they are not UTF-8.
     */
    static String text(Part p) throws MessagingException, IOException {
        try {
            return String.valueOf(p.getContent());
        } catch (java.io.UnsupportedEncodingException e) {
            byte[] bytes;
            try (InputStream in = p.getInputStream()) {
                bytes = in.readAllBytes();
            }
            try {
                return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException notUtf8) {
                return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
            }
        }
    }

    /**
     * The text of a {@code format=flowed} part (RFC 3676, Thunderbird's and others' default): a line ending in a space
     * goes on in the next one, so "Alamat: Jl. Sisingamangaraja No. 10, Kelurahan " and "Batang Beruh" are one line
     * again (with {@code delsp=yes} the space was added by the wrapping and goes). A space that stuffs a line is
     * removed; the signature separator {@code "-- "} stays a line of its own.
     */
    static String unflow(String text, boolean delSp) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder pending = new StringBuilder();
        int pendingDepth = -1;
        for (String raw : text.split("\\r?\\n", -1)) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            line = line.startsWith(" ") ? line.substring(1) : line;
            boolean soft = line.endsWith(" ") && !line.equals("-- ");
            if (pendingDepth >= 0 && depth != pendingDepth) {
                // A quote level changed under a soft break: the paragraph ends there
                out.append(pending).append('\n');
                pending.setLength(0);
                pendingDepth = -1;
            }
            if (pendingDepth < 0 && depth > 0) {
                pending.append(">".repeat(depth)).append(' ');
            }
            pending.append(soft && delSp ? line.substring(0, line.length() - 1) : line);
            pendingDepth = soft ? depth : -1;
            if (!soft) {
                out.append(pending).append('\n');
                pending.setLength(0);
            }
        }
        if (pending.length() > 0) {
            out.append(pending).append('\n');
        }
        // split(-1) gave the text's own last line end back as one empty line more
        return out.length() > 0 && text.endsWith("\n") ? out.substring(0, out.length() - 1) : out.toString();
    }

    /**
     * The text of an HTML-only body: a line for each line break, paragraph, block, table cell or row and list item;
     * tags removed; the character references decoded ({@code &nbsp;}, {@code &amp;}, {@code &#8211;}), so that
     * "NIB:&amp;nbsp;9120001234567" reads as the NIB and "PT Maju &amp;amp; Jaya" as the company's name.
     */
    static String htmlText(String html) {
        String text = html.replaceAll("(?is)<(style|script|head)\\b.*?</\\1\\s*>", "")
                .replaceAll("(?i)<br\\b[^>]*>|</(p|div|li|tr|h[1-6])\\s*>", "\n")
                .replaceAll("(?i)</t[dh]\\s*>", " ")
                .replaceAll("<[^>]+>", "");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        return switch (name) {
            case "nbsp" -> "\u00A0";
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "ndash" -> "\u2013";
            case "mdash" -> "\u2014";
            default -> whole;
        };
    }

    /** Whether a program sent this email rather than a person: a vacation responder, a delivery report. */
    public boolean isAutomatic() {
        return automatic != null;
    }

    /**
     * Why the email was sent by a program, in the words of its headers, or null when nothing says so: an
     * {@code Auto-Submitted} other than {@code no} (RFC 3834: vacation responders, Gmail's and Exchange's included), a
     * responder's own header, a {@code Precedence} of bulk, junk, list or auto_reply, a delivery status report
     * ({@code multipart/report}), an empty return path (RFC 5321: a report must not be answered) or a reporting
     * mailbox as the sender. Answering such an email could start a loop of automatic replies, and taking it as the
     * applicant's answer would close a clarification with nothing in it.
     */
    static String automatic(MimeMessage m, String sender) throws MessagingException {
        String autoSubmitted = first(m, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.split(";")[0].strip().equalsIgnoreCase("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        for (String h : AUTORESPONDER_HEADERS) {
            if (first(m, h) != null) {
                return h;
            }
        }
        String precedence = first(m, "Precedence");
        if (precedence != null
                && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(java.util.Locale.ROOT))) {
            return "Precedence: " + precedence.strip();
        }
        if (m.isMimeType("multipart/report")) {
            return "laporan pengiriman (multipart/report)";
        }
        String returnPath = first(m, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return "Return-Path: <>";
        }
        if (sender != null && REPORTING_MAILBOXES.contains(
                sender.substring(0, Math.max(0, sender.indexOf('@'))).toLowerCase(java.util.Locale.ROOT))) {
            return "pengirim " + sender;
        }
        return null;
    }

    private static String first(MimeMessage m, String header) throws MessagingException {
        String[] values = m.getHeader(header);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static final class Parts {
        final Predicate<String> sentByTheHub;
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<IncomingFile> files = new ArrayList<>();

        Parts(Predicate<String> sentByTheHub) {
            this.sentByTheHub = sentByTheHub;
        }
    }

    /**
     * A small picture the HTML body shows (Outlook's and Gmail's signature logos, {@code image001.png}): an image in a
     * {@code multipart/related} with a Content-ID, not marked as an attachment, under {@link #BODY_PICTURE_MAX}. It is
     * not one of the applicant's documents; counted as one, every reply from Outlook added the office's logos to the
     * dossier, and a GIF logo was refused and asked for again. A bigger one (a scan pasted into the text) is kept as a
     * file; the email itself is kept whole for staff either way.
     */
    static boolean bodyPicture(Part p, byte[] content) throws MessagingException {
        return p.isMimeType("image/*") && p.getHeader("Content-ID") != null
                && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) && content.length < BODY_PICTURE_MAX;
    }

    /** Below this size a picture of the body is taken for a logo or an icon, not a document (a scan is far larger). */
    static final int BODY_PICTURE_MAX = 64 * 1024;

    /**
     * {@code depth}: how many attached emails {@code p} is inside; {@code level}: how many parts; {@code related}:
     * whether it is a part of a {@code multipart/related} (the pictures an HTML body shows).
     */
    private static void walk(Part p, int depth, int level, boolean related, Parts out) {
        String fileName = null;
        boolean attachment = false;
        if (level > MAX_PARTS_DEEP) {
            out.files.add(IncomingFile.refused("bagian-email", "susunan email terlalu dalam (lebih dari "
                    + MAX_PARTS_DEEP + " tingkat); bagian ini tidak dibaca"));
            return;
        }
        try {
            fileName = p.getFileName();
            if (fileName != null) {
                fileName = MimeUtility.decodeText(fileName);
            }
            attachment = fileName != null || Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition());
            if (p.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) p.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart child = mp.getBodyPart(i);
                    walk(child, depth, level + 1, p.isMimeType("multipart/related"), out);
                }
            } else if (p.isMimeType("message/rfc822")) {
                if (depth >= MAX_NESTED) {
                    out.files.add(IncomingFile.refused(fileName == null ? "email-terlampir.eml" : fileName,
                            "email terlampir di dalam email terlampir lebih dari " + MAX_NESTED
                                    + " tingkat; mohon lampirkan dokumennya langsung"));
                    return;
                }
                Object content = p.getContent();
                MimeMessage inner = content instanceof MimeMessage m ? m : new MimeMessage(SESSION, p.getInputStream());
                String id = inner.getMessageID();
                if (id != null && out.sentByTheHub.test(id.strip())) {
                    return;
                }
                walk(inner, depth + 1, level + 1, false, out);
            } else if (attachment) {
                byte[] content;
                try (InputStream in = p.getInputStream()) {
                    content = in.readAllBytes();
                }
                if (!(related && bodyPicture(p, content))) {
                    out.files.add(new IncomingFile(fileName, content));
                }
            } else if (p.isMimeType("text/plain")) {
                String text = text(p);
                ContentType type = new ContentType(p.getContentType());
                out.text.append("flowed".equalsIgnoreCase(type.getParameter("format"))
                        ? unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp"))) : text).append('\n');
            } else if (p.isMimeType("text/html")) {
                out.html.append(text(p)).append('\n');
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            if (attachment || fileName != null) {
                // The original email is kept for staff; the applicant is asked to send this file again.
                out.files.add(IncomingFile.refused(fileName, "isi lampiran rusak dan tidak dapat dibaca dari email"));
            }
        }
    }
}
