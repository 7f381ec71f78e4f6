package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.mail.MailProperties;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A clerk's answer to an applicant's email may be as long as the answer form allows (4,000 characters, many lines):
 * its mail, the answer in its template, goes through the outbox whole and reaches the applicant. The outbox's row
 * once held 4,000 characters of JSON: such an answer was refused with the clerk's text lost.
 */
@HubTest
class LongAnswerReachesTheApplicantTest {

    static final String APPLICANT = "panjang.jawab@contoh.co.id";

    @Autowired
    MailProperties mailProperties;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ApplicantMessages messages;

    @Test
    void anAnswerOfTheLongestLengthIsMailed() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(APPLICANT, "Permohonan Izin Perluasan Usaha Industri", MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), null, null));
        String code = mail.awaitMail(APPLICANT, r -> r.subject().contains("telah diterima")).trackingCode();
        Application app = applications.findByTrackingCode(code).orElseThrow();
        mail.send(mail.message(APPLICANT, "Syarat gudang " + code, "Apa syarat gudang bahan baku?", Map.of(), null,
                null));
        ApplicantMessages.Message question = await().atMost(Duration.ofSeconds(20))
                .until(() -> messages.ofCase(app.id()), l -> l.size() == 1).get(0);

        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < ApplicantMessages.MAX_ANSWER - 80; i++) {
            text.append(i).append(". Gudang bahan baku \"wajib\" berlantai beton & berventilasi.\n");
        }
        String answer = text.append("Terima kasih.").toString();
        assertThat(answer.length()).isBetween(ApplicantMessages.MAX_ANSWER - 80, ApplicantMessages.MAX_ANSWER);

        messages.answer(question.id(), answer, "front-office", List.of());

        MailTestSupport.Received mailed = mail.awaitMail(APPLICANT, r -> r.text().contains("Terima kasih."));
        assertThat(mailed.text().replace("\r\n", "\n")).contains(answer);
        assertThat(messages.find(question.id()).orElseThrow().open()).isFalse();
    }
}
