package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.mail.MailProperties;
import id.pintu.support.HubTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same email (same Message-ID) delivered twice makes one case and one "received" mail. */
@HubTest
class EmailDuplicateMessageIdTest {

    static final String APPLICANT = "dua.kali@contoh.co.id";

    @Autowired
    MailProperties mailProperties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void secondDeliveryIsIgnored() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        String id = "<sama-" + System.nanoTime() + "@contoh.co.id>";
        mail.send(mail.message(APPLICANT, "Permohonan izin", MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), id, null));
        mail.send(mail.message(APPLICANT, "Permohonan izin", MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), id, null));
        // A third, different email from the same applicant proves both earlier ones were taken from the mailbox.
        mail.send(mail.message(APPLICANT, "Permohonan izin", MailTestSupport.BODY, MailTestSupport.pdfs(List.of("nib")),
                null, null));

        await().atMost(Duration.ofSeconds(40)).until(() -> cases() == 2);
        mail.awaitMail(APPLICANT, r -> r.subject().contains("telah diterima"));
        await().atMost(Duration.ofSeconds(40)).until(() -> mail.inbox(APPLICANT).stream()
                .filter(r -> r.subject().contains("telah diterima")).count() == 2);
        assertThat(cases()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_inbound WHERE message_key = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1);
    }

    private int cases() {
        return jdbc.sql("SELECT COUNT(*) FROM application WHERE applicant_email = ?").param(APPLICANT)
                .query(Integer.class).single();
    }
}
