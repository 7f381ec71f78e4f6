package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.intake.MailTestSupport;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail the recipient's side refuses for good (an address that is none, or one the server rejects with a permanent
 * reply) was retried every few minutes for ever. It is kept as undeliverable for the office instead, its outbox event
 * gone; the front office sends it again to a corrected address (once) or closes it with a note.
 */
@HubTest
class MailRefusedForGoodIsKeptForTheOfficeTest {

    @Autowired
    Api api;

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailProperties mailProperties;

    @Test
    void aRefusedMailWaitsForTheOfficeAndGoesAgainToACorrectedAddress() throws Exception {
        String caseId = api.submit(Api.application(711)).get("id").asText();
        String key = "uji-tolak:" + caseId;
        tx.executeWithoutResult(s -> outbox.enqueue(new OutgoingMail(key, caseId, "budi@@contoh.co.id",
                "Pemberitahuan", "Isi pemberitahuan.", List.of())));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM mail_undeliverable"
                + " WHERE dedup_key = ?").param(key).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT reason FROM mail_undeliverable WHERE dedup_key = ?").param(key)
                .query(String.class).single()).startsWith("alamat email tidak sah");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox"
                + " WHERE payload LIKE ?").param("%" + key + "%").query(Long.class).single() == 0);

        assertThat(api.call(HttpMethod.GET, "/api/mail/undeliverable", null, "kadis").status()).isEqualTo(403);
        assertThat(api.call(HttpMethod.GET, "/api/mail/undeliverable", null, "front-office").body().toString())
                .contains(key);
        String corrected = "budi.benar@contoh.co.id";
        Api.Response resent = api.call(HttpMethod.POST, "/api/mail/undeliverable/resend?key=" + key,
                Map.of("to", corrected), "front-office");
        assertThat(resent.status()).isEqualTo(200);
        assertThat(api.call(HttpMethod.POST, "/api/mail/undeliverable/resend?key=" + key, Map.of("to", corrected),
                "front-office").status()).as("once").isEqualTo(409);
        MailTestSupport mail = new MailTestSupport(mailProperties);
        assertThat(mail.awaitMail(corrected, r -> r.subject().equals("Pemberitahuan")).text())
                .contains("Isi pemberitahuan.");
        assertThat(jdbc.sql("SELECT resolved_by FROM mail_undeliverable WHERE dedup_key = ?").param(key)
                .query(String.class).single()).isEqualTo("front-office");
    }

    @Test
    void onlyAPermanentRefusalIsOne() {
        assertThat(OutboxMailSender.permanentRefusal(new AddressException("Missing final '@domain'", "budi@")))
                .hasValueSatisfying(r -> assertThat(r).startsWith("alamat email tidak sah"));
        SendFailedException unknownUser = new SendFailedException("Invalid Addresses",
                new jakarta.mail.MessagingException("550 5.1.1 <budi@contoh.co.id>: user unknown"),
                new jakarta.mail.Address[0], new jakarta.mail.Address[0], new jakarta.mail.Address[] {address()});
        assertThat(OutboxMailSender.permanentRefusal(new RuntimeException(unknownUser)))
                .hasValue("ditolak server penerima: 550 5.1.1 <budi@contoh.co.id>: user unknown");
        SendFailedException busy = new SendFailedException("Mailbox busy",
                new jakarta.mail.MessagingException("450 4.2.1 try later"), new jakarta.mail.Address[0],
                new jakarta.mail.Address[] {address()}, new jakarta.mail.Address[0]);
        assertThat(OutboxMailSender.permanentRefusal(busy)).as("a 4xx is retried").isEmpty();
        SendFailedException relayDenied = new SendFailedException("Invalid Addresses",
                new jakarta.mail.MessagingException("554 5.7.1 <budi@contoh.co.id>: Relay access denied"),
                new jakarta.mail.Address[0], new jakarta.mail.Address[0], new jakarta.mail.Address[] {address()});
        assertThat(OutboxMailSender.permanentRefusal(relayDenied)).as("the relay's refusal concerns every mail")
                .isEmpty();
        assertThat(OutboxMailSender.aboutTheRecipient("550 5.7.1 Sender policy (SPF) fail")).isFalse();
        assertThat(OutboxMailSender.aboutTheRecipient("553 5.1.3 Bad recipient address syntax")).isTrue();
        assertThat(OutboxMailSender.aboutTheRecipient("550 Requested action not taken: mailbox unavailable"))
                .isTrue();
        assertThat(OutboxMailSender.permanentRefusal(new jakarta.mail.MessagingException("Connection refused")))
                .isEmpty();
    }

    private static InternetAddress address() {
        try {
            return new InternetAddress("budi@contoh.co.id");
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
