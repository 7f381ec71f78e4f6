package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Identity numbers keep only their last four digits and secrets vanish from every log line, in the message and in
 * exception texts, through the converters that logback-spring.xml registers.
 */
class LogMaskingTest {

    @Test
    void identityNumbersAndSecretsAreMasked() {
        String line = "NIK 3201234567890123 NIB 9120001234567 NPWP 012345678901000 / 01.234.567.8-901.000"
                + " GET /api/track/PTS-1?token=s3cr3t-t0ken&x=1 Authorization: Basic a2FkaXM6ZGVtbw=="
                + " {\"password\":\"rahasia\"}";
        String masked = LogMasking.mask(line);
        assertThat(masked)
                .doesNotContain("3201234567890123", "9120001234567", "012345678901000", "01.234.567.8-901.000",
                        "s3cr3t-t0ken", "a2FkaXM6ZGVtbw==", "rahasia")
                .contains("************0123", "*********4567", "***********1000", "**.***.***.*-***.000",
                        "token=****&x=1", "Basic ****", "\"password\":\"****\"");
        assertThat(LogMasking.mask("step 12 of case 42 took 30 minutes")).isEqualTo("step 12 of case 42 took 30 minutes");
    }

    @Test
    void theConvertersMaskMessagesAndExceptions() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("m", MaskingMessageConverter::new);
        layout.getInstanceConverterMap().put("wEx", MaskingThrowableConverter::new);
        layout.setPattern("%m%n%wEx");
        layout.start();
        Logger logger = context.getLogger("test");
        LoggingEvent event = new LoggingEvent("x", logger, Level.WARN, "applicant NIK {} token={}",
                new IllegalArgumentException("bad NIK 3201234567890123"), new Object[] {"3201234567890123", "abc"});
        String out = layout.doLayout(event);
        assertThat(out).doesNotContain("3201234567890123", "token=abc").contains("************0123", "token=****");
    }
}
