package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.common.TimeOrderedIds;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailAttachments;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailProperties;
import id.pintu.mail.OutgoingMail;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.CaseEvents;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The crash the crash battery once met: the documents feature committed a final document (the rejection letter,
 * numbered and sealed) and the hub died before it reported the document to what waited for it. A status mail that
 * attaches the document, recorded as waiting for it, then waited out its whole back-off (pintu.mail.attachment-wait,
 * five minutes). The broker delivers the unacknowledged case event again after the restart; the documents feature
 * makes nothing twice but reports the final document again, and the mail goes at once with its PDF.
 */
@HubTest
class DocumentReportedAgainOnRedeliveryTest {

    @Autowired
    Api api;

    @Autowired
    CaseEvents events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JmsTemplate jms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    MailProperties mailProperties;

    @Test
    void anEventDeliveredAgainReportsItsFinalDocumentSoTheWaitingMailGoesAtOnce() throws Exception {
        JsonNode submitted = api.submit(Api.application(91));
        String caseId = submitted.get("id").asText();
        String trackingCode = submitted.get("trackingCode").asText();
        JsonNode step2 = api.awaitTask(caseId, 2);
        assertThat(api.complete(step2.get("taskId").asText(), "front-office", "complete").status()).isEqualTo(200);
        JsonNode step3 = api.awaitTask(caseId, 3);
        // Step 3 entered makes the receipt (resi), a final document.
        await().atMost(Api.ROUTING_TIMEOUT).until(() -> effects(caseId) == 1);

        // What the kill left: the resi committed, and a mail attaching it recorded as waiting, which no report of
        // the resi released.
        String to = "laporan.ulang." + System.nanoTime() + "@contoh.co.id";
        OutgoingMail mail = new OutgoingMail("uji-lapor-ulang:" + UUID.randomUUID(), caseId, to, "Uji lapor ulang",
                "Terlampir tanda terima.", List.of(OutgoingMail.latest("resi")));
        Instant now = Instant.now();
        tx.executeWithoutResult(s -> events.appendWaiting(TimeOrderedIds.next(now), MailOutbox.KIND, caseId, mail,
                now, now.plus(Duration.ofMinutes(5)), "waits for its attachment latest:resi",
                MailAttachments.output("latest:resi")));
        assertThat(availableAt(mail)).as("waiting out its back-off").isAfter(Instant.now().plus(Duration.ofMinutes(4)));

        // The broker delivers step 3's entry again to the documents feature, as after the restart.
        CaseEvent entered = new CaseEvent(UUID.randomUUID().toString(), CaseEvent.STEP_ENTERED, caseId, trackingCode,
                "izin-perluasan-usaha-industri", 1, step3.get("taskId").asText(), 3, "front-office", TaskKind.STEP,
                null, null, CaseStatus.IN_PROGRESS, Instant.now(), null, null);
        JmsTemplate topic = new JmsTemplate(jms.getConnectionFactory());
        topic.setPubSubDomain(true);
        String text = json.writeValueAsString(entered);
        topic.send("pintu.events::pintu-documents", s -> {
            var m = s.createTextMessage(text);
            m.setStringProperty("PintuEventType", CaseEvent.STEP_ENTERED);
            return m;
        });

        MailTestSupport.Received received = new MailTestSupport(mailProperties)
                .awaitMail(to, m -> m.subject().equals("Uji lapor ulang"));
        assertThat(received.attachments()).hasSize(1);
        byte[] resi = received.attachments().values().iterator().next();
        try (PDDocument pdf = Loader.loadPDF(resi)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(trackingCode);
        }
        assertThat(effects(caseId)).as("the receipt was not made again").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE application_id = ? AND kind = 'resi'")
                .param(caseId).query(Long.class).single()).isEqualTo(1);
    }

    private long effects(String caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM document_effect WHERE application_id = ? AND kind = 'resi'")
                .param(caseId).query(Long.class).single();
    }

    private Instant availableAt(OutgoingMail mail) {
        return jdbc.sql("SELECT available_at FROM outbox WHERE kind = 'MAIL' AND payload LIKE ?")
                .param("%" + mail.dedupKey() + "%")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .single();
    }
}
