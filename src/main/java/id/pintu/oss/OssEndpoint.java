package id.pintu.oss;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where OSS is: the configured base URL, or the hub's own sandbox on the port the server actually listens on. */
@Component
public class OssEndpoint {

    static final String SANDBOX_PATH = "/oss-sandbox/v1/kl/rba";

    private final OssProperties properties;
    private final Environment env;

    public OssEndpoint(OssProperties properties, Environment env) {
        this.properties = properties;
        this.env = env;
        boolean sandbox = env.getProperty("pintu.oss.sandbox.enabled", Boolean.class, true);
        if (properties.baseUrl().isBlank() && !sandbox) {
            throw new IllegalStateException("pintu.oss.base-url must name OSS when the OSS sandbox is disabled"
                    + " (pintu.oss.sandbox.enabled=false)");
        }
    }

    public String url(String method) {
        String base = baseUrl();
        return (base.endsWith("/") ? base : base + "/") + method;
    }

    /** OSS's base URL as configured, or the sandbox's on the port the server listens on. */
    public String baseUrl() {
        return properties.baseUrl().isBlank()
                ? "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"))
                        + SANDBOX_PATH
                : properties.baseUrl();
    }
}
