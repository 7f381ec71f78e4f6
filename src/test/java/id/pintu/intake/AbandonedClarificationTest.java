package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.apache.camel.CamelContext;
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

    @Autowired
    CamelContext camel;

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

        // The letter invites a new application: sent as a reply to it, whole, it becomes a new case (it was filed on
        // the closed case as a message, and the applicant told it was kept there)
        mail.send(mail.message(APPLICANT, "Re: " + letter.subject(), MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), null, letter.messageId()));
        MailTestSupport.Received receipt = mail.awaitMail(APPLICANT, r -> r.subject().contains("[PTU-")
                && !r.subject().contains(code) && r.text().contains("Lacak permohonan"));
        Application fresh = applications.findByTrackingCode(receipt.trackingCode()).orElseThrow();
        assertThat(fresh.id()).isNotEqualTo(app.id());
        assertThat(fresh.sopCode()).isEqualTo(app.sopCode());
        assertThat(api.getCase(app.id()).get("status").asText()).isEqualTo("ABANDONED");
    }

    /**
     * The answer accepted between the check's list and its closing of the case: the case row still says it waits
     * (it does until the resumed step is entered), the clarification is answered. The case is not closed, and goes on.
     */
    @Test
    void anAnswerAcceptedAfterTheListWasTakenKeepsTheCase() throws Exception {
        String applicant = "balas.tepat@contoh.co.id";
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(applicant, "Permohonan", MailTestSupport.BODY, MailTestSupport.pdfs(List.of("nib")),
                null, null));
        String code = mail.awaitMail(applicant, r -> r.subject().contains("perlu dilengkapi")).trackingCode();
        Application app = applications.findByTrackingCode(code).orElseThrow();
        api.awaitStatus(app.id(), "AWAITING_APPLICANT");
        jdbc.sql("UPDATE task SET due_at = ? WHERE application_id = ? AND status = 'OPEN'")
                .params(Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)), app.id())
                .update();
        JsonNode clarification = api.openTask(app.id()).orElseThrow();

        camel.getRouteController().stopRoute(RESUMED_STEP_INBOX);
        try {
            assertThat(api.complete(clarification.get("taskId").asText(), "front-office", null).status())
                    .isEqualTo(200);
            assertThat(api.getCase(app.id()).get("status").asText()).as("until step 2 is entered")
                    .isEqualTo("AWAITING_APPLICANT");
            assertThat(abandoned.closeIfStillOverdue(app.id(), Instant.now())).isFalse();
            assertThat(api.getCase(app.id()).get("status").asText()).isEqualTo("AWAITING_APPLICANT");
        } finally {
            camel.getRouteController().startRoute(RESUMED_STEP_INBOX);
        }
        // The answer stands: step 2 is entered again (the intake's check then asks again for what is still missing)
        String answered = clarification.get("taskId").asText();
        assertThat(jdbc.sql("SELECT status FROM task WHERE id = ?").param(answered).query(String.class).single())
                .isEqualTo("COMPLETED");
        await().atMost(Api.ROUTING_TIMEOUT).until(() -> jdbc.sql("SELECT COUNT(*) FROM task WHERE application_id = ?"
                + " AND step_no = 2 AND kind = 'STEP' AND entered_at > (SELECT completed_at FROM task WHERE id = ?)")
                .params(app.id(), answered).query(Long.class).single() > 0);
        assertThat(api.getCase(app.id()).get("status").asText()).isNotEqualTo("ABANDONED");
    }

    /** The inbox of the front office, whose step 2 the answer resumes. */
    static final String RESUMED_STEP_INBOX = "inbox-front-office";
}
