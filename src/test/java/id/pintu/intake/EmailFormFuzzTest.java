package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property: the email body parser of the mail intake takes any text an applicant (or an attacker) can send and
 * returns only known fields with one-line, non-blank values, without throwing or hanging; the MIME parser, given
 * any mutation of a real application email, either parses or throws a checked parsing exception (which the intake
 * routes to manual review), never a runtime error. Seeded, so a failure names its replayable seed.
 */
class EmailFormFuzzTest {

    private static final Set<String> FIELDS = Set.of("companyName", "nib", "npwp", "kbli", "address",
            "applicantName", "phone", "applicantEmail", "description");
    private static final String TEMPLATE = """
            Nama perusahaan: PT Kopi Sidikalang Jaya
            NIB: 9120001234567
            NPWP: 012345678901000
            KBLI: 10761
            Alamat: Jl. Sisingamangaraja No. 10, Sidikalang
            Nama pemohon: Budi Santoso
            No. Telp: 081234567890
            Keterangan: Perluasan kapasitas produksi kopi bubuk
            """;
    private static final String[] PIECES = {":", "::", "\r", "\n", "\r\n", "\t", " ", "N.P.W.P", "nib", "Alamat",
            "\u0000", "\u202E", "\uFEFF", "${trackingCode}", "<script>", "=?UTF-8?B?QmNjOg==?=", "Bcc: x@y.id", "é",
            "\uD83D\uDE00", "\uD800", ".", "-", "9".repeat(40)};

    @Test
    void bodyParserReturnsOnlyKnownOneLineFields() {
        long base = Long.getLong("pintu.fuzz.seed", 20_261_128L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int run = 0; run < 3000; run++) {
                long seed = base + run;
                String body = mutate(TEMPLATE, new Random(seed));
                Map<String, String> fields = EmailForm.fields(body);
                assertThat(fields.keySet()).as("seed %d", seed).isSubsetOf(FIELDS);
                assertThat(fields.values()).as("seed %d", seed)
                        .allSatisfy(v -> assertThat(v).isNotBlank().doesNotContain("\n"));
                ApplicationForm form = EmailForm.form(fields, "budi@contoh.co.id");
                assertThat(form).isNotNull();
            }
        });
    }

    @Test
    void mimeParserEitherParsesOrRefusesWithACheckedException() throws Exception {
        byte[] mail = ("From: Budi <budi@contoh.co.id>\r\nTo: permohonan@pintu.local\r\nSubject: Permohonan izin\r\n"
                + "Message-ID: <a1@contoh.co.id>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + TEMPLATE.replace("\n", "\r\n") + "\r\n--b1\r\n"
                + "Content-Type: application/pdf; name=\"nib.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"nib.pdf\"\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        long base = Long.getLong("pintu.fuzz.seed", 20_261_128L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int parsed = 0;
            for (int run = 0; run < 1500; run++) {
                long seed = base + run;
                byte[] raw = mutate(mail, new Random(seed));
                try {
                    ParsedEmail e = ParsedEmail.parse(raw);
                    EmailForm.fields(e.text());
                    parsed++;
                } catch (jakarta.mail.MessagingException | java.io.IOException expected) {
                    // refused as unparseable: the intake sends such a mail to manual review
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": " + e + "\n" + new String(raw, StandardCharsets.ISO_8859_1), e);
                }
            }
            assertThat(parsed).isPositive();
        });
    }

    private static String mutate(String text, Random r) {
        StringBuilder s = new StringBuilder(text);
        for (int e = 1 + r.nextInt(6); e > 0; e--) {
            int at = r.nextInt(s.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> s.insert(at, PIECES[r.nextInt(PIECES.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + r.nextInt(12)));
                default -> s.insert(at, (char) r.nextInt(0x3000));
            }
        }
        return s.toString();
    }

    private static byte[] mutate(byte[] raw, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = raw.clone();
        for (int e = 1 + r.nextInt(8); e > 0; e--) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        int cut = r.nextInt(10) == 0 ? r.nextInt(b.length) : b.length;
        out.write(b, 0, cut);
        return out.toByteArray();
    }
}
