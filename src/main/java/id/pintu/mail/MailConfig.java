package id.pintu.mail;

import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the mail endpoints refer to by name, and the JVM-wide Jakarta Mail setting all mail code runs with. */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up through java.util.ServiceLoader for every message, part and
        // header block it creates (jakartaee/mail-api#699, #861): a walk over every jar of the class path each time,
        // about 6% of the hub's CPU under load in a JFR profile. Named here, the lookup is a plain class lookup.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** Extra JavaMail settings of the SMTP endpoint (see {@link MailProperties.Server#starttls()}). */
    @Bean(MailProperties.SMTP_JAVAMAIL_PROPERTIES)
    Properties pintuSmtpJavaMailProperties(MailProperties properties) {
        return properties.smtp().javaMailProperties();
    }

    /** Extra JavaMail settings of the intake's IMAP endpoint (see {@link MailProperties.Imap#readChunk()}). */
    @Bean(MailProperties.IMAP_JAVAMAIL_PROPERTIES)
    Properties pintuImapJavaMailProperties(MailProperties properties) {
        return properties.imap().javaMailProperties();
    }
}
