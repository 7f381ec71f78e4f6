package id.pintu.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.intake.ApplicantMessages;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailProperties;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An applicant's question that the front office leaves unanswered past pintu.intake.answer-within (one working day)
 * is reported once to the front office's supervisor (the supervision file's chain and contact address), as a late
 * step is; a question answered in time is not.
 */
@HubTest
@Import(SlaTestClock.class)
@TestPropertySource(properties = "pintu.acting.file=src/test/resources/acting/plh-and-leave.yaml")
class LateApplicantEmailReportedTest {

    static final String APPLICANT = "tono.tanya@contoh.co.id";
    /** The back office answers for the front office; its role mailbox in config/supervision.yaml. */
    static final String SUPERVISOR = "kasi.pelayanan1@dpmptsp.dairikab.go.id";
    /** Wednesday 8 July 2026, 10:00 WIB: past the answer time of Monday's emails (one working day). */
    static final Instant TWO_DAYS_LATER = Instant.parse("2026-07-08T03:00:00Z");

    @Autowired
    MutableClock clock;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ApplicantMessages messages;

    @Autowired
    LateApplicantMessages late;

    @Test
    void anUnansweredEmailIsReportedOnceToTheFrontOfficesSupervisor() throws Exception {
        clock.set(SlaTestClock.START);
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(APPLICANT, "Permohonan Izin Perluasan Usaha Industri", MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), null, null));
        MailTestSupport.Received receipt = mail.awaitMail(APPLICANT, r -> r.subject().contains("telah diterima"));
        String code = receipt.trackingCode();
        Application app = applications.findByTrackingCode(code).orElseThrow();
        mail.send(mail.message(APPLICANT, "Jadwal peninjauan " + code, "Kapan tim datang?", Map.of(), null, null));
        mail.send(mail.message(APPLICANT, "Biaya " + code, "Apakah ada biaya?", Map.of(), null, null));
        var both = await().atMost(Duration.ofSeconds(20)).until(() -> messages.ofCase(app.id()), l -> l.size() == 2);
        ApplicantMessages.Message unanswered = both.stream().filter(m -> m.subject().startsWith("Jadwal"))
                .findFirst().orElseThrow();
        ApplicantMessages.Message answered = both.stream().filter(m -> m.subject().startsWith("Biaya"))
                .findFirst().orElseThrow();
        messages.answer(answered.id(), "Tidak ada biaya.", "front-office", java.util.List.of());
        assertThat(late.report()).as("nothing is late yet").isZero();

        clock.set(TWO_DAYS_LATER);
        late.report(); // or the route's own run got there first
        assertThat(messages.find(unanswered.id()).orElseThrow().reportedAt()).isEqualTo(TWO_DAYS_LATER);
        assertThat(messages.find(answered.id()).orElseThrow().reportedAt()).as("answered in time").isNull();
        MailTestSupport.Received report = mail.awaitMail(SUPERVISOR,
                r -> r.subject().equals("[Pintu] Email pemohon belum dijawab: permohonan " + code));
        assertThat(report.subject()).isEqualTo("[Pintu] Email pemohon belum dijawab: permohonan " + code);
        assertThat(report.text().replace("\r\n", "\n"))
                .startsWith("Yth. Backoffice / Ka Seksi Pelayanan I,")
                .contains("  Subjek           : Jadwal peninjauan " + code + "\n")
                .contains("  Batas jawab      : 07-07-2026 08:00 WIB\n")
                .contains("/permohonan/" + app.id() + "#pesan-" + unanswered.id());
        assertThat(late.report()).as("reported once").isZero();
        // Only this report's subject: the same supervisor also gets the escalation of the case's step 2, overdue too
        assertThat(mail.inbox(SUPERVISOR)).filteredOn(r -> r.subject().equals(report.subject())).hasSize(1);
    }
}
