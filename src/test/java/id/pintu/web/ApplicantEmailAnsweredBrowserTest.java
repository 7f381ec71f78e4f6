package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.pintu.intake.ApplicantMessages;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.WorkflowException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An applicant asks a question by email about a case no step waits on: it used to be filed with the case's documents
 * and nobody was told. Now the inbox row of the case carries a badge, the task page says the applicant wrote, the
 * head of office's dashboard counts it, and the front office answers it from the case page: the answer reaches the
 * applicant by email, once, and the message shows who answered, when and what. The applicant's reply to the answer is
 * a new message, which a clerk marks handled with a note (answered by phone): no mail. A supervisor who may look the
 * case up reads the messages but is offered no answer form. Every answer and closing is in the audit trail.
 */
@HubTest
class ApplicantEmailAnsweredBrowserTest {

    static final String APPLICANT = "sari.tanya@contoh.co.id";
    static final byte[] FORM = MailTestSupport.pdf("Formulir kesiapan peninjauan lapangan");
    static final String QUESTION = "Apakah peninjauan lapangan perlu kami siapkan?\nPabrik libur pada 24 Desember.";
    static final String ANSWER = "Peninjauan lapangan dijadwalkan setelah verifikasi berkas.\nTim kami akan menghubungi"
            + " Ibu Sari satu hari sebelumnya.";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ApplicantMessages messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    @Autowired
    WebFormat format;

    /** The time as the pages show it, in Bahasa Indonesia. */
    private String dueAsShown(java.time.Instant due) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        try {
            return format.time(due);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void theFrontOfficeSeesTheQuestionAndAnswersItByEmail() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(APPLICANT, "Permohonan Izin Perluasan Usaha Industri", MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), null, null));
        MailTestSupport.Received receipt = mail.awaitMail(APPLICANT, r -> r.subject().contains("telah diterima"));
        String code = receipt.trackingCode();
        Application app = applications.findByTrackingCode(code).orElseThrow();
        String taskId = api.awaitTask(app.id(), 2).get("taskId").asText();

        mail.send(mail.message(APPLICANT, "Pertanyaan tentang " + code, QUESTION, Map.of(), null, null));
        mail.awaitMail(APPLICANT, r -> r.subject().equals("[" + code + "] Email Anda telah kami terima"));
        ApplicantMessages.Message question = await().atMost(Duration.ofSeconds(20))
                .until(() -> messages.ofCase(app.id()), l -> l.size() == 1).get(0);
        Gauge open = registry.get("pintu.applicant.messages.open").gauge();
        // IT sees it too (compared with the table, which other tests' emails may also change)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(open.value())
                .isPositive().isEqualTo((double) messages.waiting().count()));
        assertThat(question.open()).isTrue();
        assertThat(question.body()).isEqualTo(QUESTION);
        assertThat(question.documentId()).as("the email is kept whole with the case").isNotNull();

        try (Browser kabid = Browser.open(port)) {
            kabid.login("kabid-pelayanan");
            kabid.go("/permohonan/" + app.id());
            assertThat(kabid.text(By.cssSelector("#pesan-" + question.id() + " .message-body"))).isEqualTo(QUESTION);
            // pintu.intake.answer-within (one working day) on the office calendar
            assertThat(kabid.text(By.cssSelector("#pesan-" + question.id() + " .message-due")))
                    .startsWith(dueAsShown(messages.answerDue(question)) + " Tepat waktu");
            assertThat(kabid.driver().findElements(By.id("answer-" + question.id())))
                    .as("a supervisor reads the applicant's emails; the front office answers them").isEmpty();
        }

        try (Browser kadis = Browser.open(port)) {
            kadis.login("kadis");
            kadis.go("/dasbor");
            assertThat(kadis.text(By.id("unanswered-count"))).matches("\\d+ email belum dijawab; yang terlama"
                    + " diterima .+ WIB \\(.+ yang lalu\\)\\.");
        }

        try (Browser clerk = Browser.open(port)) {
            clerk.login("front-office");
            assertThat(clerk.text(By.id("nav-messages"))).matches("Pesan pemohon \\(\\d+\\)");
            assertThat(clerk.text(By.cssSelector("#home-messages p")))
                    .matches("\\d+ email pemohon menunggu jawaban\\.");
            clerk.go("/kotak-masuk/front-office");
            By badge = By.cssSelector("tr[data-task-id='" + taskId + "'] .applicant-message");
            assertThat(clerk.text(badge)).isEqualTo("1 email pemohon belum dijawab");
            clerk.go("/tugas/" + taskId);
            assertThat(clerk.text(By.id("waiting-messages")))
                    .contains("Pemohon mengirim 1 email tentang permohonan ini yang belum dijawab:")
                    .contains("Pertanyaan tentang " + code);

            clerk.go("/kotak-masuk/front-office");
            clerk.find(badge).click();
            // A file that only claims to be a PDF is refused: nothing is sent, the text typed stays
            java.nio.file.Path files = java.nio.file.Files.createTempDirectory("jawaban");
            java.nio.file.Path fake = java.nio.file.Files.writeString(files.resolve("denah.pdf"),
                    "<html><script>alert(1)</script></html>");
            java.nio.file.Path form = java.nio.file.Files.write(files.resolve("formulir-peninjauan.pdf"), FORM);
            clerk.find(By.id("answer-" + question.id())).sendKeys(ANSWER);
            clerk.find(By.id("answer-files-" + question.id())).sendKeys(fake + "\n" + form);
            clerk.find(By.id("send-" + question.id())).click();
            assertThat(clerk.text(By.cssSelector("p.error"))).startsWith("Jawaban belum dikirim: ada lampiran");
            assertThat(clerk.text(By.cssSelector("#pesan-" + question.id() + " .answer-errors")))
                    .contains("denah.pdf");
            assertThat(clerk.find(By.id("answer-" + question.id())).getAttribute("value")).isEqualTo(ANSWER);
            assertThat(messages.find(question.id()).orElseThrow().open()).isTrue();
            clerk.find(By.id("answer-files-" + question.id())).sendKeys(form.toString());
            clerk.screenshot("21-pesan-pemohon");
            clerk.find(By.id("send-" + question.id())).click();
            assertThat(clerk.text(By.cssSelector("p.notice")))
                    .isEqualTo("Jawaban dikirim ke " + APPLICANT + " (" + code + ").");
            assertThat(clerk.text(By.cssSelector("#pesan-" + question.id() + " .message-handled-by")))
                    .matches("oleh front-office, .+ WIB");
            assertThat(clerk.text(By.cssSelector("#pesan-" + question.id() + " .message-answer"))).isEqualTo(ANSWER);
            assertThat(clerk.text(By.cssSelector("#pesan-" + question.id() + " .message-answer-files")))
                    .isEqualTo("formulir-peninjauan.pdf");
            clerk.go("/kotak-masuk/front-office");
            assertThat(clerk.driver().findElements(badge)).as("answered: no badge").isEmpty();
        }

        MailTestSupport.Received answer = mail.awaitMail(APPLICANT,
                r -> r.subject().startsWith("[" + code + "] Jawaban"));
        assertThat(answer.subject()).isEqualTo("[" + code + "] Jawaban atas email Anda: Pertanyaan tentang " + code);
        assertThat(answer.text().replace("\r\n", "\n")).contains(ANSWER)
                .contains("Status permohonan Anda: sedang diproses.")
                .contains("dengan subjek \"Pertanyaan tentang " + code + "\"");
        assertThat(answer.autoSubmitted()).isEqualTo("auto-generated");
        assertThat(answer.attachments()).containsOnlyKeys("formulir-peninjauan.pdf");
        assertThat(answer.attachments().get("formulir-peninjauan.pdf")).isEqualTo(FORM);

        // A colleague answering the same email a moment later is refused: the applicant gets one answer
        assertThatThrownBy(() -> messages.answer(question.id(), "Jawaban kedua", "admin", List.of()))
                .isInstanceOfSatisfying(WorkflowException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkflowException.Reason.CONFLICT));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_sent WHERE dedup_key = ?")
                .param("jawaban-pesan:" + question.id()).query(Long.class).single()).isEqualTo(1);

        // The applicant writes back to the answer: a new message, handled by phone, no mail
        mail.send(mail.message(APPLICANT, "Re: " + answer.subject(), "Terima kasih, kami tunggu.", Map.of(), null,
                answer.messageId()));
        ApplicantMessages.Message thanks = await().atMost(Duration.ofSeconds(20))
                .until(() -> messages.ofCase(app.id()), l -> l.size() == 2).get(1);
        try (Browser clerk = Browser.open(port)) {
            clerk.login("front-office");
            clerk.go("/pesan");
            assertThat(clerk.driver().findElements(By.id("pesan-" + question.id()))).as("handled: not listed")
                    .isEmpty();
            clerk.find(By.id("note-" + thanks.id())).sendKeys("Ditelepon, jadwal peninjauan disampaikan.");
            clerk.find(By.id("close-" + thanks.id())).click();
            assertThat(clerk.text(By.cssSelector("p.notice"))).isEqualTo("Email pemohon " + code
                    + " ditandai sudah ditangani.");
            clerk.go("/pesan?semua");
            assertThat(clerk.text(By.cssSelector("#pesan-" + thanks.id() + " .message-note")))
                    .isEqualTo("Ditelepon, jadwal peninjauan disampaikan.");
        }
        assertThat(messages.find(thanks.id()).orElseThrow().handledBy()).isEqualTo("front-office");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE payload LIKE ?").param("%jawaban-pesan:" + thanks.id()
                + "%").query(Long.class).single()).as("closed without a mail").isZero();

        // The applicant's tracking page (the link of the receipt) lists their emails and what became of them
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/lacak\\?kode=\\S+&token=\\S+")
                .matcher(receipt.text());
        assertThat(link.find()).isTrue();
        try (Browser applicant = Browser.open(port)) {
            applicant.go(link.group());
            assertThat(applicant.text(By.id("your-message-" + question.id())))
                    .contains("Pertanyaan tentang " + code)
                    .contains("Dijawab melalui email pada ")
                    .contains("Peninjauan lapangan dijadwalkan setelah verifikasi berkas.");
            assertThat(applicant.text(By.cssSelector("#your-message-" + question.id() + " .your-answer-files")))
                    .isEqualTo("formulir-peninjauan.pdf");
            assertThat(applicant.text(By.id("your-message-" + thanks.id())))
                    .as("a clerk's note stays inside the office")
                    .contains("Ditindaklanjuti petugas pada ")
                    .doesNotContain("Ditelepon");
        }

        List<String> trail = jdbc.sql("SELECT action || ' by ' || actor || ': ' || after_json FROM audit_log"
                        + " WHERE application_id = ? AND action LIKE 'APPLICANT_MESSAGE_%' ORDER BY seq")
                .param(app.id()).query(String.class).list();
        assertThat(trail).containsExactly(
                "APPLICANT_MESSAGE_ANSWERED by front-office: {\"to\":\"" + APPLICANT + "\",\"answer\":\""
                        + ANSWER.replace("\n", "\\n") + "\",\"attachments\":[\"formulir-peninjauan.pdf\"]}",
                "APPLICANT_MESSAGE_HANDLED by front-office: {\"note\":\"Ditelepon, jadwal peninjauan disampaikan.\"}");
    }
}
