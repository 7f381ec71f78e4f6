package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.mail.MailProperties;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
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
}
