package id.pintu.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns a mail port of 0 into a free port before anything reads it, so the embedded server and the Camel mail
 * endpoints agree on it, and many hubs (test contexts) can run side by side.
 */
public class MailPortsPostProcessor implements EnvironmentPostProcessor {

    static final String SMTP_PORT = "pintu.mail.smtp.port";
    static final String IMAP_PORT = "pintu.mail.imap.port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> chosen = new HashMap<>();
        for (String key : new String[] {SMTP_PORT, IMAP_PORT}) {
            if ("0".equals(env.getProperty(key, "").trim())) {
                chosen.put(key, String.valueOf(freePort()));
            }
        }
        if (!chosen.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("pintu-mail-free-ports", chosen));
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
