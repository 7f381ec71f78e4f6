package id.pintu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import id.pintu.support.HubTest;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded mail server forgets messages older than its retention (7 days by default) and keeps newer ones, so
 * a hub left running on it does not hold all its mail in the heap.
 */
@HubTest
class EmbeddedMailRetentionTest {

    @Autowired
    EmbeddedMailServer server;

    @Autowired
    Clock clock;

    @Test
    void messagesOlderThanTheRetentionAreRemovedAndNewerOnesKept() throws Exception {
        String address = "retention-probe@pemohon.test";
        GreenMailUser user = server.greenMail().setUser(address, address, address);
        MailFolder inbox = server.greenMail().getManagers().getImapHostManager().getInbox(user);
        Instant now = clock.instant();
        inbox.appendMessage(message("Surat lama"), new Flags(), Date.from(now.minus(Duration.ofDays(8))));
        inbox.appendMessage(message("Surat baru"), new Flags(), Date.from(now.minus(Duration.ofDays(6))));

        assertThat(server.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(inbox.getMessages()).extracting(EmbeddedMailRetentionTest::subject).containsExactly("Surat baru");
    }

    private static MimeMessage message(String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom("pintu@dpmptsp.test");
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, "retention-probe@pemohon.test");
        m.setSubject(subject);
        m.setText("isi");
        m.saveChanges();
        return m;
    }

    private static String subject(StoredMessage m) {
        try {
            return m.getMimeMessage().getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
