package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.ApplicationRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same email (same Message-ID) delivered twice makes one case and one "received" mail. The same application sent
 * again as a new email (new Message-ID, same sender, subject, text and files) while its case is open makes no second
 * case (with {@code pintu.intake.resend-window} set, as the prod and test profiles do): the sender is told the
 * tracking code it has; a changed text, or a resend after the case closed, is a new case.
 */
@HubTest
class EmailDuplicateMessageIdTest {

    static final String APPLICANT = "dua.kali@contoh.co.id";

    @Autowired
    MailProperties mailProperties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Autowired
    ApplicationRepository applications;

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

    @Test
    void anApplicationSentAgainUnchangedIsToldItsCodeAndMakesNoSecondCase() throws Exception {
        String applicant = "kirim.ulang@contoh.co.id";
        String subject = "Permohonan Izin Perluasan Usaha Industri - PT Kopi Sidikalang Jaya";
        MailTestSupport mail = new MailTestSupport(mailProperties);
        Map<String, byte[]> files = MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS);
        mail.send(mail.message(applicant, subject, MailTestSupport.BODY, files, null, null));
        MailTestSupport.Received first = mail.awaitMail(applicant, r -> r.subject().contains("telah diterima"));
        String code = first.trackingCode();

        mail.send(mail.message(applicant, subject, MailTestSupport.BODY + "\n", files, null, null));
        MailTestSupport.Received again = mail.awaitMail(applicant, r -> r.subject().contains("sudah kami terima"));
        assertThat(again.subject()).contains(code);
        assertThat(again.text()).contains("dengan kode pelacakan " + code).doesNotContain("token=");
        assertThat(cases(applicant)).isEqualTo(1);

        // Another text is another application, even with the same files.
        mail.send(mail.message(applicant, subject, MailTestSupport.BODY + "Keterangan: pabrik kedua di Parongil\n",
                files, null, null));
        await().atMost(Duration.ofSeconds(40)).until(() -> cases(applicant) == 2);

        // Once the first case is closed, the same email again is a new application.
        String firstId = applications.findByTrackingCode(code).orElseThrow().id();
        assertThat(api.call(HttpMethod.POST, "/api/applications/" + firstId + "/withdraw",
                Map.of("note", "ditarik atas permintaan pemohon"), "front-office").status()).isEqualTo(200);
        mail.send(mail.message(applicant, subject, MailTestSupport.BODY, files, null, null));
        await().atMost(Duration.ofSeconds(40)).until(() -> cases(applicant) == 3);
        assertThat(mail.inbox(applicant).stream().filter(r -> r.subject().contains("sudah kami terima")).count())
                .isEqualTo(1);
    }

    private int cases(String applicant) {
        return jdbc.sql("SELECT COUNT(*) FROM application WHERE applicant_email = ?").param(applicant)
                .query(Integer.class).single();
    }
}
