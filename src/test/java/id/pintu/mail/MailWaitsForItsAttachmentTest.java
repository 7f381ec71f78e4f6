package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.documents.DocumentOutputs;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.intake.MailTestSupport;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.OutboxRelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail owed before the PDF it attaches exists (the resi of the step just completed, which the documents feature
 * renders from the same case event) is not tried and failed: it waits, untried, and goes with its PDF once the
 * document is stored, whether the document arrives after the mail's transaction committed (the documents feature's
 * report of that document releases it; its other documents do not) or between the mail's look for it and that commit (the look repeated after the commit
 * releases it; the report came too early to see the mail).
 */
@HubTest
class MailWaitsForItsAttachmentTest {

    private static final String KIND = "uji-lampiran";

    @Autowired
    MailOutbox outbox;

    @Autowired
    DocumentStore documents;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    Api api;

    @Test
    void aMailWaitsUntriedForItsPdfAndGoesWithItWhenTheDocumentReportsIt() throws Exception {
        String caseId = api.submit(Api.application(61)).get("id").asText();
        String to = "lampiran." + System.nanoTime() + "@contoh.co.id";
        OutgoingMail mail = mail(caseId, to);
        double waitsBefore = count("pintu.mail.attachment.waits");

        tx.executeWithoutResult(s -> outbox.enqueue(mail));

        Row row = row(mail);
        assertThat(row.waitsFor()).contains("latest:" + KIND);
        assertThat(row.attempts()).as("never tried").isZero();
        assertThat(row.availableAt()).as("held for pintu.mail.attachment-wait, not retried within seconds")
                .isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(count("pintu.mail.attachment.waits") - waitsBefore).isEqualTo(1.0);

        // Other documents of the case (a draft, another final document) leave it waiting, untried.
        relay.retryWaiting(caseId, List.of());
        relay.retryWaiting(caseId, List.of(DocumentOutputs.finalDocument("resi")));
        Row still = row(mail);
        assertThat(still.attempts()).isZero();
        assertThat(still.availableAt()).isAfter(Instant.now().plus(Duration.ofMinutes(4)));

        documents.store(caseId, KIND, 3, "lampiran-uji.pdf", "application/pdf",
                MailTestSupport.pdf("Lampiran uji 61"), StoredDocument.APPLICANT, "uji");
        // What the documents feature does once its batch committed.
        relay.retryWaiting(caseId, List.of(DocumentOutputs.finalDocument(KIND)));

        assertSentWithItsPdf(to, "Lampiran uji 61");
        assertThat(failures()).as("no try failed for want of the PDF").isZero();
    }

    @Test
    void aDocumentStoredBeforeTheMailCommittedIsSeenAfterTheCommit() throws Exception {
        String caseId = api.submit(Api.application(62)).get("id").asText();
        String to = "lampiran." + System.nanoTime() + "@contoh.co.id";
        OutgoingMail mail = mail(caseId, to);

        tx.executeWithoutResult(s -> {
            outbox.enqueue(mail); // no PDF yet: the mail is recorded as waiting
            // Meanwhile the documents feature stores the PDF and commits; its report of it cannot see this mail yet.
            CompletableFuture.runAsync(() -> documents.store(caseId, KIND, 3, "lampiran-uji.pdf", "application/pdf",
                    MailTestSupport.pdf("Lampiran uji 62"), StoredDocument.APPLICANT, "uji")).join();
        });

        assertSentWithItsPdf(to, "Lampiran uji 62");
        assertThat(failures()).as("no try failed for want of the PDF").isZero();
    }

    private OutgoingMail mail(String caseId, String to) {
        return new OutgoingMail(KIND + ":" + UUID.randomUUID(), caseId, to, "Uji lampiran", "Terlampir dokumen uji.",
                List.of(OutgoingMail.latest(KIND)));
    }

    private record Row(Instant availableAt, String waitsFor, int attempts) {}

    private Row row(OutgoingMail mail) {
        return jdbc.sql("SELECT available_at, last_error, attempts FROM outbox WHERE kind = 'MAIL' AND payload LIKE ?")
                .param("%" + mail.dedupKey() + "%")
                .query((rs, n) -> new Row(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        rs.getInt(3)))
                .single();
    }

    /** Well within the 5 minutes the mail would wait if nothing released it. */
    private void assertSentWithItsPdf(String to, String text) throws Exception {
        MailTestSupport.Received received = new MailTestSupport(mailProperties)
                .awaitMail(to, m -> m.subject().equals("Uji lampiran"));
        assertThat(received.attachments()).containsKey("lampiran-uji.pdf");
        try (PDDocument pdf = Loader.loadPDF(received.attachments().get("lampiran-uji.pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(text);
        }
    }

    private double failures() {
        return registry.find("pintu.mail.send.failures").tag("kind", KIND).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double count(String name) {
        return registry.find(name).tag("kind", KIND).counters().stream().mapToDouble(Counter::count).sum();
    }
}
