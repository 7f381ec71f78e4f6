package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the intake takes out of an email's MIME structure, from raw messages as mail clients send them: an email
 * forwarded as an attachment gives up its files and its text (this email's form fields first), nesting is opened
 * only so deep, and an attachment that cannot be decoded is kept as a refused file with its reason instead of
 * vanishing.
 */
class ParsedEmailTest {

    static final String PDF = Base64.getMimeEncoder().encodeToString(MailTestSupport.pdf("Scan NIB"));

    @Test
    void anEmailForwardedAsAnAttachmentGivesUpItsFilesAndItsText() throws Exception {
        String inner = message("budi@contoh.co.id", "berkas permohonan", "inner",
                text(MailTestSupport.BODY) + pdf("nib.pdf") + pdf("npwp.pdf"));
        String raw = message("sekretariat@contoh.co.id", "Fwd: berkas permohonan", "outer",
                text("Terlampir permohonan kami.\nNama Pemohon: Sari Dewi\n") + attachedEmail("berkas.eml", inner));

        ParsedEmail mail = ParsedEmail.parse(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(mail.sender()).isEqualTo("sekretariat@contoh.co.id");
        assertThat(mail.attachments()).extracting(IncomingFile::name).containsExactly("nib.pdf", "npwp.pdf");
        assertThat(mail.attachments()).allSatisfy(f -> {
            assertThat(f.problem()).isNull();
            assertThat(new String(f.content(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        });
        Map<String, String> fields = EmailForm.fields(mail.text());
        assertThat(fields).as("the forwarding email's own field first, the rest from the forwarded one")
                .containsEntry("applicantName", "Sari Dewi")
                .containsEntry("companyName", "PT Kopi Sidikalang Jaya")
                .containsEntry("nib", "9120001234567");
    }

    @Test
    void anAttachedEmailTheHubSentItselfIsLeftOut() throws Exception {
        String receipt = message("permohonan@pintu.local", "[PTU-26-ABCDEFG] Resi penerimaan berkas", "resi-1",
                text("Terlampir resi penerimaan berkas Anda.") + pdf("resi-PTU-26-ABCDEFG.pdf"));
        String raw = message("budi@contoh.co.id", "Re: [PTU-26-ABCDEFG] Berkas perlu dilengkapi", "reply",
                text("Terlampir KTP.") + pdf("ktp-penanggung-jawab.pdf") + attachedEmail("resi.eml", receipt));

        ParsedEmail mail = ParsedEmail.parse(raw.getBytes(StandardCharsets.UTF_8),
                id -> id.equals("<resi-1@contoh.co.id>"));

        assertThat(mail.attachments()).extracting(IncomingFile::name).containsExactly("ktp-penanggung-jawab.pdf");
        assertThat(mail.text()).doesNotContain("resi penerimaan");
        assertThat(ParsedEmail.parse(raw.getBytes(StandardCharsets.UTF_8)).attachments()).as("anyone else's is opened")
                .hasSize(2);
    }

    /**
     * A charset Java does not know made the text part vanish (the applicant was told every field was missing); a NUL
     * in the subject or text (which PostgreSQL refuses in any text column) made the email's records fail.
     */
    @Test
    void anUnknownCharsetStillGivesTheTextAndControlCharactersAreDropped() throws Exception {
        String raw = "From: budi@contoh.co.id\r\nTo: permohonan@pintu.local\r\n"
                + "Subject: =?UTF-8?Q?Permohonan=00izin?=\r\n"
                + "Message-ID: <charset@contoh.co.id>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=unknown-8bit\r\n\r\n"
                + "Nama Perusahaan: PT Kopi Sidikalang Jaya\u0000\r\nNIB: 9120001234567\r\n";
        ParsedEmail mail = ParsedEmail.parse(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(mail.subject()).isEqualTo("Permohonan izin");
        assertThat(mail.text()).doesNotContain("\u0000");
        assertThat(EmailForm.fields(mail.text())).containsEntry("companyName", "PT Kopi Sidikalang Jaya")
                .containsEntry("nib", "9120001234567");

        String latin = raw.replace("Sidikalang Jaya", "K\u00e9pi").replace("unknown-8bit", "x-unknown");
        assertThat(ParsedEmail.parse(latin.getBytes(StandardCharsets.ISO_8859_1)).text())
                .as("not UTF-8: read as Windows-1252").contains("PT Kopi K\u00e9pi");
    }

    /** An address longer than SMTP carries could not even be recorded (254 characters): no sender, to review. */
    @Test
    void aSenderLongerThanAnAddressCanBeIsNoSender() throws Exception {
        String raw = message("a".repeat(300) + "@contoh.co.id", "Permohonan", "long", text("NIB: 1"));
        assertThat(ParsedEmail.parse(raw.getBytes(StandardCharsets.UTF_8)).sender()).isNull();
    }

    @Test
    void nestingIsOpenedOnlySoDeep() throws Exception {
        // Level 1 is the email received; levels 2 to 4 are attached 1 to 3 emails deep; level 5 is one too deep.
        String level = message("a@contoh.co.id", "level 5", "l5", text("paling dalam") + pdf("terlalu-dalam.pdf"));
        for (int depth = ParsedEmail.MAX_NESTED + 1; depth >= 1; depth--) {
            level = message("a@contoh.co.id", "level " + depth, "l" + depth,
                    text("tingkat " + depth) + pdf("tingkat-" + depth + ".pdf")
                            + attachedEmail("tingkat-" + (depth + 1) + ".eml", level));
        }

        ParsedEmail mail = ParsedEmail.parse(level.getBytes(StandardCharsets.UTF_8));

        assertThat(mail.attachments()).extracting(IncomingFile::name)
                .containsExactly("tingkat-1.pdf", "tingkat-2.pdf", "tingkat-3.pdf", "tingkat-4.pdf", "tingkat-5.eml");
        assertThat(mail.attachments().get(4).problem()).contains("lebih dari 3 tingkat");
        assertThat(mail.text()).contains("tingkat 4").doesNotContain("paling dalam");
    }

    @Test
    void anAttachmentThatCannotBeDecodedIsKeptWithItsReason() throws Exception {
        String broken = "--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"akta-pendirian.pdf\"\r\n\r\nJVBERi0xLjQK\r\nQ\r\n";
        String raw = message("budi@contoh.co.id", "Permohonan", "broken",
                text(MailTestSupport.BODY) + pdf("nib.pdf") + broken);

        ParsedEmail mail = ParsedEmail.parse(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(mail.attachments()).extracting(IncomingFile::name).containsExactly("nib.pdf", "akta-pendirian.pdf");
        assertThat(mail.attachments().get(0).problem()).isNull();
        assertThat(mail.attachments().get(1).problem()).isEqualTo("isi lampiran rusak dan tidak dapat dibaca dari email");
        assertThat(mail.attachments().get(1).content()).isEmpty();
    }

    @Test
    void aHostileNestingOfThousandsOfPartsIsCutOffNotFollowed() throws Exception {
        StringBuilder raw = new StringBuilder("From: a@contoh.co.id\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"n0\"\r\n\r\n");
        int levels = 5000;
        for (int i = 1; i <= levels; i++) {
            raw.append("--n").append(i - 1).append("\r\nContent-Type: multipart/mixed; boundary=\"n").append(i)
                    .append("\"\r\n\r\n");
        }
        raw.append("--n").append(levels).append("\r\nContent-Type: text/plain\r\n\r\nNIB: 9120001234567\r\n");
        for (int i = levels; i >= 0; i--) {
            raw.append("--n").append(i).append("--\r\n");
        }

        ParsedEmail mail = ParsedEmail.parse(raw.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(mail.attachments()).singleElement()
                .satisfies(f -> assertThat(f.problem()).startsWith("susunan email terlalu dalam"));
        assertThat(mail.text()).doesNotContain("9120001234567");
    }

    @Test
    void aFlowedBodyIsOneLineAgainWhereTheMailProgramWrappedIt() throws Exception {
        // Thunderbird's format=flowed: the address wrapped at 72 columns, a trailing space marks the soft break
        String raw = message("budi@contoh.co.id", "Permohonan", "flowed", "--b\r\nContent-Type: text/plain;"
                + " charset=UTF-8; format=flowed; delsp=no\r\n\r\nNIB: 9120001234567\r\nAlamat: Jl. Sisingamangaraja"
                + " No. 10, Kelurahan Batang Beruh, Kecamatan \r\nSidikalang, Kabupaten Dairi\r\n>> kutipan \r\n>> lama"
                + "\r\n-- \r\nBudi\r\n");

        String text = ParsedEmail.parse(raw.getBytes(StandardCharsets.UTF_8)).text();

        assertThat(EmailForm.fields(text)).containsEntry("address", "Jl. Sisingamangaraja No. 10, Kelurahan Batang"
                + " Beruh, Kecamatan Sidikalang, Kabupaten Dairi").containsEntry("nib", "9120001234567");
        assertThat(text).contains(">> kutipan lama\n", "\n-- \nBudi");
        assertThat(ParsedEmail.unflow("Kata yang ter \r\npotong\r\n", true)).as("delsp=yes")
                .isEqualTo("Kata yang terpotong\n");
        assertThat(ParsedEmail.unflow("Tanpa pemotongan\nbaris dua\n", false))
                .isEqualTo("Tanpa pemotongan\nbaris dua\n");
    }

    @Test
    void anHtmlOnlyBodyHasItsLinesCellsAndCharacterReferencesRead() throws Exception {
        String html = "<html><head><style>p{margin:0}</style></head><body><div>Nama Perusahaan: PT Maju &amp; Jaya"
                + "</div><div>NIB:&nbsp;9120001234567<br class=\"\">NPWP: 012345678901000</div><table><tr><td>KBLI:"
                + "</td><td>10761</td></tr></table><p>Alamat: Jl. Merdeka &#8211; Sidikalang</p></body></html>";
        String raw = message("budi@contoh.co.id", "Permohonan", "html", "--b\r\nContent-Type: text/html;"
                + " charset=UTF-8\r\n\r\n" + html + "\r\n");

        Map<String, String> fields = EmailForm.fields(ParsedEmail.parse(raw.getBytes(StandardCharsets.UTF_8)).text());

        assertThat(fields).containsEntry("companyName", "PT Maju & Jaya").containsEntry("nib", "9120001234567")
                .containsEntry("npwp", "012345678901000").containsEntry("kbli", "10761")
                .containsEntry("address", "Jl. Merdeka \u2013 Sidikalang");
        assertThat(fields.values()).noneMatch(v -> v.contains("margin"));
    }

    @Test
    void theLogosOfAnOutlookSignatureAreNotDocumentsButAScanPastedIntoTheTextIs() throws Exception {
        String logo = java.util.Base64.getMimeEncoder().encodeToString(new byte[3_000]);
        String pasted = java.util.Base64.getMimeEncoder().encodeToString(new byte[200_000]);
        String related = "--b\r\nContent-Type: multipart/related; boundary=\"r\"\r\n\r\n"
                + "--r\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>NIB: 9120001234567</p>"
                + "<img src=\"cid:image001.png@01DB\"><img src=\"cid:image002.gif@01DB\"><img src=\"cid:scan@x\">\r\n"
                + picture("image/png", "image001.png", "image001.png@01DB", logo)
                + picture("image/gif", "image002.gif", "image002.gif@01DB", logo)
                + picture("image/jpeg", "ktp.jpg", "scan@x", pasted)
                + "--r--\r\n";
        String raw = message("budi@contoh.co.id", "RE: klarifikasi", "outlook", related + pdf("nib.pdf"));

        ParsedEmail mail = ParsedEmail.parse(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(mail.attachments()).extracting(IncomingFile::name).containsExactly("ktp.jpg", "nib.pdf");
        assertThat(mail.text()).contains("NIB: 9120001234567");
        // The same logo attached as a file (not shown by the text) is the applicant's to send
        String attached = message("budi@contoh.co.id", "logo", "attached", "--b\r\nContent-Type: image/png\r\n"
                + "Content-ID: <logo@x>\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;"
                + " filename=\"logo.png\"\r\n\r\n" + logo + "\r\n");
        assertThat(ParsedEmail.parse(attached.getBytes(StandardCharsets.UTF_8)).attachments())
                .extracting(IncomingFile::name).containsExactly("logo.png");
    }

    private static String picture(String type, String name, String cid, String base64) {
        return "--r\r\nContent-Type: " + type + "; name=\"" + name + "\"\r\nContent-ID: <" + cid + ">\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: inline; filename=\"" + name + "\"\r\n\r\n"
                + base64 + "\r\n";
    }

    /** A multipart/mixed message whose parts (each opening with its boundary line) are {@code parts}. */
    private static String message(String from, String subject, String id, String parts) {
        return "From: " + from + "\r\nTo: permohonan@pintu.local\r\nSubject: " + subject + "\r\nMessage-ID: <" + id
                + "@contoh.co.id>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + parts + "--b--\r\n";
    }

    private static String text(String body) {
        return "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n";
    }

    private static String pdf(String name) {
        return "--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n" + PDF + "\r\n";
    }

    /** An email attached as Gmail's and Outlook's "forward as attachment" attach it; its boundary is made unique. */
    private static String attachedEmail(String name, String message) {
        String unique = "b" + Integer.toHexString(message.hashCode());
        String renamed = message.replace("boundary=\"b\"", "boundary=\"" + unique + "\"")
                .replace("\r\n--b\r\n", "\r\n--" + unique + "\r\n").replace("\r\n--b--\r\n", "\r\n--" + unique + "--\r\n")
                .replaceFirst("^--b\r\n", "--" + unique + "\r\n");
        return "--b\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n"
                + renamed;
    }
}
