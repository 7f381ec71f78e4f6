package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case whose applicant lets the clarification deadline pass is closed as ABANDONED, its open task cancelled, and
 * the applicant gets the closing letter; a case still within its deadline is left alone.
 */
@HubTest
class AbandonedClarificationTest {

    static final String APPLICANT = "lupa.balas@contoh.co.id";

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    AbandonedCases abandoned;

    @Autowired
    JdbcClient jdbc;

    @Test
    void overdueClarificationClosesTheCaseWithALetter() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(APPLICANT, "Permohonan", MailTestSupport.BODY, MailTestSupport.pdfs(List.of("nib")),
                null, null));
        MailTestSupport.Received clarification = mail.awaitMail(APPLICANT, r -> r.subject().contains("perlu dilengkapi"));
        String code = clarification.trackingCode();
        Application app = applications.findByTrackingCode(code).orElseThrow();
        api.awaitStatus(app.id(), "AWAITING_APPLICANT");

        abandoned.closeOverdue();
        assertThat(api.getCase(app.id()).get("status").asText()).as("within its deadline").isEqualTo("AWAITING_APPLICANT");

        jdbc.sql("UPDATE task SET due_at = ? WHERE application_id = ? AND status = 'OPEN'")
                .params(Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)), app.id())
                .update();
        abandoned.closeOverdue();

        JsonNode c = api.getCase(app.id());
        assertThat(c.get("status").asText()).isEqualTo("ABANDONED");
        assertThat(c.get("tasks")).isEmpty();
        MailTestSupport.Received letter = mail.awaitMail(APPLICANT, r -> r.subject().contains("Permohonan ditutup"));
        assertThat(letter.subject()).contains(code);
        assertThat(letter.text()).contains("tidak dilengkapi sampai batas waktu");
    }
}
