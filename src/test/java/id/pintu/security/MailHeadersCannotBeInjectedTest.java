package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.mail.OutboxMailSender;
import id.pintu.mail.OutgoingMail;
import id.pintu.support.HubTest;
import jakarta.mail.Message;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A line break in a value that reaches a mail header (an applicant's name in the subject, an address typed into a
 * form) cannot add a header: the subject is folded to one line and a recipient address with a line break is
 * refused as an address, so no Bcc or second recipient can be smuggled in.
 */
@HubTest
class MailHeadersCannotBeInjectedTest {

    @Autowired
    OutboxMailSender sender;

    @Autowired
    ObjectMapper json;

    @Autowired
    CamelContext camel;

    @Test
    void subjectStaysOneLineAndInjectedAddressIsRefused() throws Exception {
        OutgoingMail subject = new OutgoingMail("uji:subjek", null, "budi@contoh.co.id",
                "Tanda terima PT X\r\nBcc: korban@contoh.co.id", "Isi surat", List.of());
        MimeMessage m = sender.prepare(json.writeValueAsString(subject), new DefaultExchange(camel));
        assertThat(m.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(m.getAllRecipients()).hasSize(1);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        String headers = raw.toString(StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
        assertThat(headers.lines()).noneMatch(l -> l.regionMatches(true, 0, "Bcc:", 0, 4));

        OutgoingMail address = new OutgoingMail("uji:alamat", null, "budi@contoh.co.id\r\nBcc: korban@contoh.co.id",
                "Tanda terima", "Isi surat", List.of());
        assertThatThrownBy(() -> sender.prepare(json.writeValueAsString(address), new DefaultExchange(camel)))
                .isInstanceOf(AddressException.class);
    }
}
