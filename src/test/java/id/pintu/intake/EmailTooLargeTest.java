package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.WorkflowException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An email above {@code pintu.intake.max-email-size} (2 MB in the test profile) is refused by its headers alone: no
 * case, the sender told the size, the limit and how to send the files instead, the headers in the review queue with the
 * reason; a reply of the applicant's to its case that is too large names the case. An email below the limit from the
 * same sender right after it becomes a case as usual.
 */
@HubTest
class EmailTooLargeTest {

    @Autowired
    MailProperties mailProperties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Autowired
    ReviewedEmails reviewed;

    @Test
    void anEmailAboveTheLimitIsRefusedByItsHeadersAndTheSenderToldWhatToDo() throws Exception {
        String sender = "berkas.besar@contoh.co.id";
        MailTestSupport mail = new MailTestSupport(mailProperties);
        Map<String, byte[]> files = new LinkedHashMap<>(MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS));
        files.put("gambar-pabrik.pdf", scanLike(3 * 1024 * 1024));
        String messageId = "<besar-" + System.nanoTime() + "@contoh.co.id>";
        mail.send(mail.message(sender, "Permohonan izin perluasan", MailTestSupport.BODY, files, messageId, null));

        MailTestSupport.Received refusal = mail.awaitMail(sender, r -> r.subject().contains("terlalu besar"));
        assertThat(refusal.text()).contains("\"Permohonan izin perluasan\"", "melebihi batas 2,0 MB",
                "paling besar 10,0 MB", "loket");
        assertThat(refusal.text()).containsPattern("berukuran [4-9],\\d MB");
        assertThat(cases(sender)).isZero();

        JsonNode kept = api.awaitReview(sender);
        assertThat(kept.get("reason").asText()).contains("email terlalu besar", "batas 2,0 MB", "tidak diambil");
        assertThat(kept.get("subject").asText()).isEqualTo("Permohonan izin perluasan");
        assertThat(kept.get("sizeBytes").asLong()).isLessThan(10_000);
        assertThat(jdbc.sql("SELECT outcome FROM mail_inbound WHERE message_key = ?").param(messageId)
                .query(String.class).single()).isEqualTo("REVIEW");

        // The same sender's application within the limit is taken in as usual.
        mail.send(mail.message(sender, "Permohonan izin perluasan", MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), null, null));
        mail.awaitMail(sender, r -> r.subject().contains("telah diterima"));
        assertThat(cases(sender)).isEqualTo(1);
    }

    @Test
    void aReplyAboveTheLimitNamesItsCase() throws Exception {
        String applicant = "balasan.besar@contoh.co.id";
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(applicant, "Permohonan izin", MailTestSupport.BODY,
                MailTestSupport.pdfs(java.util.List.of("surat-permohonan")), null, null));
        MailTestSupport.Received received = mail.awaitMail(applicant, r -> r.subject().contains("telah diterima"));
        String code = received.trackingCode();

        mail.send(mail.message(applicant, "Re: " + received.subject(), "Berikut kelengkapan berkas kami.",
                Map.of("npwp.pdf", scanLike(3 * 1024 * 1024)), null, received.messageId()));

        MailTestSupport.Received refusal = mail.awaitMail(applicant, r -> r.subject().contains("terlalu besar"));
        assertThat(refusal.text()).contains("(bila ada): " + code);
        assertThat(api.awaitReview(applicant).get("reason").asText()).startsWith("balasan untuk " + code + ": email terlalu besar");
        // The refusal is in the case's mail record (written just after the mail went out).
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM mail_sent s"
                        + " JOIN application a ON a.id = s.application_id"
                        + " WHERE a.tracking_code = ? AND s.subject LIKE '%terlalu besar%'").param(code)
                .query(Integer.class).single() == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document d JOIN application a ON a.id = d.application_id"
                + " WHERE a.tracking_code = ? AND d.kind = 'email-asli'").param(code).query(Integer.class).single())
                .isEqualTo(1);

        // Its headers only are kept: "attached" to the case it names, it gave the case a header stub as its original
        // and none of its files, and was marked handled as if they had joined the dossier
        String item = api.awaitReview(applicant).get("id").asText();
        assertThatThrownBy(() -> reviewed.attach(item, code, "front-office", null))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("too large");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_review WHERE id = ? AND handled_at IS NULL").param(item)
                .query(Integer.class).single()).as("still open").isEqualTo(1);
    }

    /** A PDF-named file of random bytes, which does not compress: its size is what the mail server counts. */
    private static byte[] scanLike(int bytes) {
        byte[] b = new byte[bytes];
        new Random(bytes).nextBytes(b);
        return b;
    }

    private int cases(String applicant) {
        return jdbc.sql("SELECT COUNT(*) FROM application WHERE applicant_email = ?").param(applicant)
                .query(Integer.class).single();
    }
}
