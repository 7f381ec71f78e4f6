package id.pintu.mail;

import id.pintu.common.Cached;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code mail}: the SMTP server outgoing mail goes through and the IMAP server of the office
 * mailbox the intake polls, each probed with one connection and login (bounded by {@code pintu.mail.health.timeout}),
 * the result reused for {@code pintu.mail.health.cache}. Not part of readiness by default: mail owed to applicants
 * waits in the outbox and unread applications wait in the mailbox, so a hub without mail still serves its staff
 * (README, "Health and readiness").
 */
@Component
public class MailHealthIndicator implements HealthIndicator {

    private final MailProperties properties;
    private final Cached<Health> result;

    public MailHealthIndicator(MailProperties properties) {
        this.properties = properties;
        this.result = new Cached<>(properties.health().cache(), this::probe);
    }

    @Override
    public Health health() {
        return result.get();
    }

    private Health probe() {
        MailProperties.Server smtp = properties.smtp();
        MailProperties.Imap imap = properties.imap();
        // With the settings sending uses (STARTTLS, a login required): a connection alone said UP for a server that
        // refused every mail
        Map<String, Object> smtpDetail = check(smtp.protocol(), smtp.host(), smtp.port(), smtp.username(),
                smtp.password(), smtp.javaMailProperties());
        smtpDetail.put("purpose", "outgoing mail");
        Map<String, Object> imapDetail = check(imap.protocol(), imap.host(), imap.port(), properties.imapUser(),
                properties.imapPassword(), null);
        imapDetail.put("purpose", "intake of the office mailbox " + properties.officeAddress());
        imapDetail.put("folder", imap.folder());
        boolean up = "UP".equals(smtpDetail.get("status")) && "UP".equals(imapDetail.get("status"));
        return (up ? Health.up() : Health.down())
                .withDetail("smtp", smtpDetail)
                .withDetail("imap", imapDetail)
                .withDetail("embeddedServer", properties.embeddedServer().enabled())
                .withDetail("checkedAt", Instant.now().toString())
                .build();
    }

    /**
     * One connection with the hub's own login, closed at once; never throws. A transport (SMTP) is checked with the
     * JavaMail settings sending uses; a store (IMAP) is given none.
     */
    private Map<String, Object> check(String protocol, String host, int port, String user, String password,
            Properties transportSettings) {
        boolean transport = transportSettings != null;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("server", protocol + "://" + host + ":" + port);
        Properties p = new Properties();
        if (transport) {
            p.putAll(transportSettings);
        }
        String millis = String.valueOf(properties.health().timeout().toMillis());
        p.setProperty("mail." + protocol + ".connectiontimeout", millis);
        p.setProperty("mail." + protocol + ".timeout", millis);
        Session session = Session.getInstance(p);
        long start = System.nanoTime();
        String login = user == null || user.isBlank() ? null : user;
        try (Service service = transport ? session.getTransport(protocol) : session.getStore(protocol)) {
            service.connect(host, port, login, login == null ? null : password);
            d.put("status", "UP");
        } catch (AuthenticationFailedException e) {
            d.put("status", "DOWN");
            d.put("error", "login refused for " + login + ": " + e.getMessage());
        } catch (MessagingException | RuntimeException e) {
            d.put("status", "DOWN");
            d.put("error", reason(e));
        }
        d.put("millis", (System.nanoTime() - start) / 1_000_000);
        return d;
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? top : top + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
