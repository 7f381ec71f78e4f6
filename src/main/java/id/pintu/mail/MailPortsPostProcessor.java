package id.pintu.mail;

import id.pintu.common.FreePorts;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns a mail port of 0 into a free port before anything reads it, so the embedded server and the Camel mail
 * endpoints agree on it, and many hubs (test contexts) can run side by side. The port is chosen below the OS's range
 * for outgoing connections ({@link FreePorts}), so that no connection takes it before the server binds it.
 */
public class MailPortsPostProcessor implements EnvironmentPostProcessor {

    static final String SMTP_PORT = "pintu.mail.smtp.port";
    static final String IMAP_PORT = "pintu.mail.imap.port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> chosen = new HashMap<>();
        for (String key : new String[] {SMTP_PORT, IMAP_PORT}) {
            if ("0".equals(env.getProperty(key, "").trim())) {
                chosen.put(key, String.valueOf(FreePorts.belowEphemeralRange()));
            }
        }
        if (!chosen.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("pintu-mail-free-ports", chosen));
        }
    }
}
