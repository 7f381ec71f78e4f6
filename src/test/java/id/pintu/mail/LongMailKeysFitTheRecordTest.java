package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mail's key built from a long Message-ID fits the sent mails' record (200 characters), stays the same for the same
 * occasion, differs for another, and survives the outbox's JSON round trip unchanged: what is checked before sending
 * is what is recorded after.
 */
class LongMailKeysFitTheRecordTest {

    @Test
    void aLongKeyIsShortenedTheSameWayEachTime() {
        String messageId = "<" + "a".repeat(230) + "@mail.contoh.co.id>";
        OutgoingMail first = new OutgoingMail("email-diterima:" + messageId, "case", "budi@contoh.co.id", "s", "b",
                List.of());
        OutgoingMail again = new OutgoingMail("email-diterima:" + messageId, "case", "budi@contoh.co.id", "s", "b",
                List.of());
        OutgoingMail other = new OutgoingMail("email-diterima:" + messageId.replace("@mail", "@post"), "case",
                "budi@contoh.co.id", "s", "b", List.of());

        assertThat(first.dedupKey()).hasSizeLessThanOrEqualTo(OutgoingMail.MAX_KEY)
                .startsWith("email-diterima:<aaaa").isEqualTo(again.dedupKey()).isNotEqualTo(other.dedupKey());
        assertThat(new OutgoingMail(first.dedupKey(), "case", "budi@contoh.co.id", "s", "b", List.of()).dedupKey())
                .as("read back from the outbox").isEqualTo(first.dedupKey());
        assertThat(new OutgoingMail("sudah-diterima:<short@contoh.co.id>", null, "x@contoh.co.id", "s", "b", List.of())
                .dedupKey()).as("a key that fits is kept as it is").isEqualTo("sudah-diterima:<short@contoh.co.id>");
    }
}
