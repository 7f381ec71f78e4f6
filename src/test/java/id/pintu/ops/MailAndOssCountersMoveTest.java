package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.EmbeddedMailServer;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.Prometheus;
import java.time.Duration;
import java.util.List;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Real work moves the mail and OSS figures on {@code /actuator/prometheus}: emails taken in by outcome (a complete
 * dossier, the same email again, a dossier with documents missing, a form with a wrong field), mails sent by kind,
 * a failed send while the mail server is stopped and its later success, and an OSS call of step 4.
 */
@HubTest
@DisableJmx(false)
@AutoConfigureObservability
class MailAndOssCountersMoveTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    EmbeddedMailServer mailServer;

    @Test
    void emailsInAndOutAreCountedByOutcomeAndKind() throws Exception {
        String before = scrape();
        MailTestSupport mail = new MailTestSupport(mailProperties);
        String applicant = "hitung." + System.nanoTime() + "@contoh.co.id";
        String messageId = "<hitung-" + System.nanoTime() + "@contoh.co.id>";
        mail.send(mail.message(applicant, "Permohonan izin", MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), messageId, null));
        mail.send(mail.message(applicant, "Permohonan izin", MailTestSupport.BODY,
                MailTestSupport.pdfs(MailTestSupport.ALL_DOCUMENTS), messageId, null));
        mail.send(mail.message(applicant, "Permohonan izin", MailTestSupport.BODY,
                MailTestSupport.pdfs(List.of("nib")), null, null));
        mail.send(mail.message(applicant, "Permohonan izin", MailTestSupport.BODY.replace("NIB: 9120001234567", "NIB: 12"),
                MailTestSupport.pdfs(List.of("nib")), null, null));

        await().atMost(WAIT).untilAsserted(() -> {
            String now = scrape();
            for (String outcome : List.of("accepted", "duplicate", "incomplete", "rejected")) {
                assertThat(received(now, outcome)).as("pintu_mail_received_total{outcome=%s}", outcome)
                        .isEqualTo(received(before, outcome) + 1);
            }
        });
        // The "received" mails of the two new cases and the answer to the wrong form reached the applicant.
        await().atMost(WAIT).until(() -> mail.inbox(applicant).size() >= 3);
        await().atMost(WAIT).untilAsserted(() -> {
            String now = scrape();
            assertThat(sent(now, "diterima")).isGreaterThanOrEqualTo(sent(before, "diterima") + 2);
            assertThat(sent(now, "unreadable")).isGreaterThanOrEqualTo(sent(before, "unreadable") + 1);
        });
    }

    @Test
    void aSendThatFailsIsCountedAndItsRetryAsSent() {
        String before = scrape();
        mailServer.stop();
        try {
            api.submit(Api.application(41)); // owes the "diterima" mail
            await().atMost(WAIT).untilAsserted(() -> assertThat(Prometheus.sum(scrape(),
                    "pintu_mail_send_failures_total", "kind=\"diterima\"", "reason=\"smtp\""))
                    .isGreaterThan(Prometheus.sum(before, "pintu_mail_send_failures_total", "kind=\"diterima\"",
                            "reason=\"smtp\"")));
        } finally {
            mailServer.start();
        }
        String failed = scrape();
        await().atMost(WAIT).untilAsserted(() -> assertThat(sent(scrape(), "diterima"))
                .isGreaterThan(sent(failed, "diterima")));
    }

    @Test
    void anOssCallIsCountedByMethodAndOutcome() {
        String before = scrape();
        String id = api.submit(Api.application(42)).get("id").asText();
        for (int step : new int[] {2, 3, 4}) {
            JsonNode task = api.awaitTask(id, step);
            assertThat(api.complete(task.get("taskId").asText(), "front-office", step == 2 ? "complete" : null)
                    .status()).isEqualTo(200);
        }
        api.awaitTask(id, 5); // OSS answered step 4
        String after = scrape();
        assertThat(ossCalls(after, "receiveLicenseStatus", "ok"))
                .isGreaterThanOrEqualTo(ossCalls(before, "receiveLicenseStatus", "ok") + 1);
        assertThat(after).contains("pintu_oss_circuit_open{");
    }

    private static double received(String scrape, String outcome) {
        return Prometheus.sum(scrape, "pintu_mail_received_total", "outcome=\"" + outcome + "\"");
    }

    private static double sent(String scrape, String kind) {
        return Prometheus.sum(scrape, "pintu_mail_sent_total", "kind=\"" + kind + "\"");
    }

    private static double ossCalls(String scrape, String method, String outcome) {
        return Prometheus.sum(scrape, "pintu_oss_calls_total", "method=\"" + method + "\"",
                "outcome=\"" + outcome + "\"");
    }

    private String scrape() {
        return rest.withBasicAuth("admin", "demo").getForObject("/actuator/prometheus", String.class);
    }
}
