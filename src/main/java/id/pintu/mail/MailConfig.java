package id.pintu.mail;

import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the mail endpoints refer to by name. */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    /** Extra JavaMail settings of the intake's IMAP endpoint (see {@link MailProperties.Imap#readChunk()}). */
    @Bean(MailProperties.IMAP_JAVAMAIL_PROPERTIES)
    Properties pintuImapJavaMailProperties(MailProperties properties) {
        return properties.imap().javaMailProperties();
    }
}
