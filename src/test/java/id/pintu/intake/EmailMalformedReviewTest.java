package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * An email without the application's fields makes no case: the sender gets a reply in Bahasa Indonesia naming what
 * is wrong, and the original email waits in the review queue that staff can see.
 */
@HubTest
class EmailMalformedReviewTest {

    static final String SENDER = "asal.kirim@contoh.co.id";

    @Autowired
    Api api;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    EmailIntake intake;

    @Test
    void malformedEmailIsAnsweredAndKept() throws Exception {
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(SENDER, "Mohon info izin", "Selamat siang.\nNIB: 123\nBagaimana caranya?",
                Map.of(), null, null));

        MailTestSupport.Received reply = mail.awaitMail(SENDER, r -> r.subject().contains("belum dapat kami terima"));
        assertThat(reply.text()).contains("NIB harus 13 angka", "Nama Perusahaan belum diisi", "KBLI belum diisi");

        JsonNode found = api.awaitReview(SENDER);
        assertThat(found.get("reason").asText()).contains("NIB harus 13 angka");
        assertThat(found.get("sizeBytes").asLong()).isPositive();
        assertThat(api.call(HttpMethod.GET, "/api/intake-review", null, null).status()).isEqualTo(401);
    }

    /**
     * An email whose From is longer than an address can be failed its record (254 characters), then its review entry
     * the same way, and stayed unseen: fetched again at every poll, twenty of them filled the poll's batch and no
     * application behind them was read. It reaches the review queue, once.
     */
    @Test
    void anEmailFromAnOverlongAddressReachesTheReviewQueueOnce() {
        String raw = "From: " + "a".repeat(300) + "@contoh.co.id\r\nTo: permohonan@pintu.local\r\n"
                + "Subject: Permohonan\r\nMessage-ID: <overlong-from@contoh.co.id>\r\n\r\nNIB: 1\r\n";
        byte[] bytes = raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(intake.receive(bytes)).isEqualTo("REVIEW");
        assertThat(intake.receive(bytes)).as("handled once").isEqualTo("DUPLICATE");
    }

    @Test
    void aReplyToTheRefusalIsReadWithoutTheExamplesItQuotesAndForTheServiceFirstAskedFor() throws Exception {
        String sender = "balas.tolak@contoh.co.id";
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(sender, "Permohonan Izin Reklame", "Mohon diproses.", Map.of(), null, null));
        MailTestSupport.Received refusal = mail.awaitMail(sender, r -> r.subject().contains("belum dapat kami terima"));
        assertThat(refusal.subject()).isEqualTo("Permohonan belum dapat kami terima: Permohonan Izin Reklame");

        // Gmail's reply: the fields on top (no telephone, which is optional), the refusal quoted below
        String quoted = refusal.text().lines().map(l -> "> " + l).collect(java.util.stream.Collectors.joining("\n"));
        String body = """
                Nama Perusahaan: CV Papan Iklan Dairi
                NIB: 9120007654321
                NPWP: 012345678901000
                KBLI: 73100
                Alamat: Jl. Pahlawan No. 3, Sidikalang
                Nama Pemohon: Lamhot Sinaga

                Pada Sab, 5 Des 2026 pukul 10.00 Pintu <permohonan@pintu.local> menulis:
                """ + quoted;
        mail.send(mail.message(sender, "Re: " + refusal.subject(), body, Map.of(), null, refusal.messageId()));

        MailTestSupport.Received answer = mail.awaitMail(sender, r -> r.subject().contains("[PTU-"));
        Application app = applications.findByTrackingCode(answer.trackingCode()).orElseThrow();
        assertThat(app.sopCode()).as("the service the first email asked for").isEqualTo("izin-reklame");
        assertThat(app.company().name()).isEqualTo("CV Papan Iklan Dairi");
        assertThat(app.applicant().phone()).as("not the refusal's example 081234567890").isNull();
        assertThat(app.company().address()).isEqualTo("Jl. Pahlawan No. 3, Sidikalang");
    }
}
