package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Emails a program sent are never answered and never taken as the applicant's answer: a vacation responder's reply
 * to the clarification leaves the clarification open, and a delivery report from the mailer daemon gets no reply
 * (either could start a loop of automatic mails); both wait in the review queue with the reason. The hub's own mails
 * say they are automatic (RFC 3834). An applicant's email that nothing waits for (a file sent later) is answered with
 * what became of its files and where the case stands.
 */
@HubTest
class EmailAutomaticAndLaterRepliesTest {

    static final String AWAY = "dewi.cuti@contoh.co.id";
    static final String LATER = "bayu.susulan@contoh.co.id";
    static final String DAEMON = "MAILER-DAEMON@mx.contoh.co.id";

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void automaticEmailsAreNeitherAnsweredNorTakenAsTheApplicantsAnswer() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(AWAY, "Permohonan Izin Perluasan Usaha Industri", MailTestSupport.BODY,
                MailTestSupport.pdfs(List.of("surat-permohonan", "nib", "npwp", "akta-pendirian")), null, null));
        MailTestSupport.Received clarification = mail.awaitMail(AWAY, r -> r.subject().contains("perlu dilengkapi"));
        assertThat(clarification.autoSubmitted()).as("the hub's mails say a program sent them")
                .isEqualTo("auto-generated");
        String code = clarification.trackingCode();
        Application app = applications.findByTrackingCode(code).orElseThrow();
        api.awaitStatus(app.id(), "AWAITING_APPLICANT");

        MimeMessage vacation = mail.message(AWAY, "Balasan otomatis: " + clarification.subject(),
                "Saya sedang cuti sampai 5 Januari.", Map.of(), null, clarification.messageId());
        vacation.setHeader("Auto-Submitted", "auto-replied");
        mail.send(vacation);
        MimeMessage bounce = mail.message(DAEMON, "Undelivered Mail Returned to Sender", "-", Map.of(), null, null);
        MimeMultipart report = new MimeMultipart("report");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("This is the mail system at host mx.contoh.co.id. I'm sorry to have to inform you that your"
                + " message could not be delivered.", "UTF-8");
        report.addBodyPart(text);
        bounce.setContent(report);
        bounce.setFrom(new InternetAddress(DAEMON));
        bounce.saveChanges();
        mail.send(bounce);

        assertThat(api.awaitReview(AWAY).get("reason").asText()).isEqualTo("email otomatis"
                + " (Auto-Submitted: auto-replied) untuk " + code
                + ": tidak dijawab dan tidak dianggap jawaban pemohon");
        assertThat(api.awaitReview(DAEMON).get("reason").asText()).isEqualTo("email otomatis"
                + " (laporan pengiriman (multipart/report)): tidak dijawab dan tidak dianggap jawaban pemohon");
        // The review entry and any answer are written in one transaction: nothing was owed to either sender
        for (String messageId : List.of(vacation.getMessageID(), bounce.getMessageID())) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE payload LIKE ?").param("%" + messageId + "%")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_sent WHERE dedup_key LIKE ?").param("%" + messageId + "%")
                    .query(Long.class).single()).isZero();
        }
        assertThat(api.getCase(app.id()).get("status").asText()).as("the clarification is still open")
                .isEqualTo("AWAITING_APPLICANT");
    }

    @Test
    void aFileSentLaterIsAcknowledgedWithWhereTheCaseStands() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(LATER, "Permohonan Izin Perluasan Usaha Industri", MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), null, null));
        MailTestSupport.Received received = mail.awaitMail(LATER, r -> r.subject().contains("telah diterima"));
        String code = received.trackingCode();
        Application app = applications.findByTrackingCode(code).orElseThrow();
        JsonNode step = api.awaitTask(app.id(), 2);

        mail.send(mail.message(LATER, "Re: " + received.subject(), "Berikut KTP terbaru penanggung jawab.",
                Map.of("ktp-penanggung-jawab-baru.pdf", MailTestSupport.pdf("KTP baru"),
                        "foto-lokasi.pdf", "bukan PDF".getBytes()), null, received.messageId()));

        MailTestSupport.Received answer = mail.awaitMail(LATER,
                r -> r.subject().equals("[" + code + "] Email Anda telah kami terima"));
        assertThat(answer.text())
                .contains("Email Anda dengan subjek \"Re: " + received.subject() + "\" telah kami terima")
                .contains("ktp-penanggung-jawab-baru.pdf: diterima sebagai KTP penanggung jawab")
                .contains("foto-lokasi.pdf: tidak dapat kami terima (")
                .contains("Status permohonan Anda: sedang diproses.")
                .contains("1. " + step.get("name").asText() + " (")
                .contains("target selesai ")
                .contains("/lacak");
        assertThat(answer.autoSubmitted()).isEqualTo("auto-generated");
        assertThat(api.openTask(app.id()).orElseThrow().get("step").asInt()).as("nothing waited; nothing moved")
                .isEqualTo(2);
    }
}
