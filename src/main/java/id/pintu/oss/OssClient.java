package id.pintu.oss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Speaks OSS's host-to-host protocol over the {@code oss-http} route: fetches the security key with
 * {@code sendSecurityKey}, keeps it until OSS refuses it (then fetches a new one once), unwraps
 * {@code {"respon<method>": {...}}}, and sorts failures into "try again later" ({@link OssUnavailableException}:
 * timeouts, no connection, 5xx) and "will not work as sent" ({@link OssRejectedException}).
 */
@Component
public class OssClient {

    public static final String HTTP_ROUTE = "direct:oss-http";
    static final String SECURITY_KEY_METHOD = "sendSecurityKey";

    private static final Logger LOG = LoggerFactory.getLogger(OssClient.class);

    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final OssEndpoint endpoint;
    private final OssProperties properties;
    private final OssMetrics metrics;
    private final AtomicReference<String> securityKey = new AtomicReference<>();

    public OssClient(@Lazy ProducerTemplate producer, ObjectMapper json, OssEndpoint endpoint, OssProperties properties,
            OssMetrics metrics) {
        this.producer = producer;
        this.json = json;
        this.endpoint = endpoint;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Calls one OSS method with the current security key; a refused key is replaced once. */
    public OssAnswer send(String method, String idempotencyKey, JsonNode body) {
        String key = currentKey();
        OssAnswer answer = post(method, idempotencyKey, body, key);
        if (refused(answer)) {
            LOG.info("OSS refused the security key for {} (HTTP {}, kode {}); fetching a new one", method,
                    answer.httpStatus(), answer.kode());
            securityKey.compareAndSet(key, null);
            answer = post(method, idempotencyKey, body, currentKey());
            if (refused(answer)) {
                throw new OssRejectedException(answer.kode(), "OSS refuses a fresh security key for " + method
                        + " (check pintu.oss.user and pintu.oss.password): " + answer.keterangan());
            }
        }
        return answer;
    }

    private String currentKey() {
        String key = securityKey.get();
        if (key != null) {
            return key;
        }
        synchronized (securityKey) {
            key = securityKey.get();
            if (key == null) {
                key = fetchKey();
                securityKey.set(key);
            }
            return key;
        }
    }

    private String fetchKey() {
        ObjectNode body = json.createObjectNode();
        body.putObject("securityKey").put("user_akses", properties.user()).put("pwd_akses", properties.password());
        OssAnswer a = post(SECURITY_KEY_METHOD, null, body, null);
        if (!a.ok()) {
            throw new OssRejectedException(a.kode(), "OSS refuses the access user '" + properties.user()
                    + "' (sendSecurityKey kode " + a.kode() + "): " + a.keterangan());
        }
        for (String field : new String[] {"key", "user_key", "securityKey"}) {
            String v = a.text(field);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new OssRejectedException(a.kode(), "sendSecurityKey answered without a key: " + a.body());
    }

    private static boolean refused(OssAnswer a) {
        return a.httpStatus() == 401 || a.httpStatus() == 403 || a.kode() == 401 || a.kode() == 403;
    }

    private OssAnswer post(String method, String idempotencyKey, JsonNode body, String key) {
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Exchange result = producer.send(HTTP_ROUTE, exchange -> {
            exchange.setProperty(OssHeaders.URL, endpoint.url(method));
            if (key != null) {
                exchange.getIn().setHeader(properties.keyHeader(), key);
            }
            if (idempotencyKey != null) {
                exchange.getIn().setHeader(properties.idempotencyHeader(), idempotencyKey);
            }
            exchange.getIn().setBody(payload);
        });
        Exception failure = result.getException();
        if (failure != null) {
            OssUnavailableException e = unavailable(method, failure);
            metrics.call(method, e.answerMayBeLost() ? "timeout" : "unreachable");
            throw e;
        }
        Integer status = result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        int http = status == null ? 0 : status;
        String text = result.getMessage().getBody(String.class);
        JsonNode inner = unwrap(method, text);
        boolean hasKode = inner != null && inner.hasNonNull("kode");
        int kode = hasKode ? inner.get("kode").asInt() : http;
        String keterangan = inner != null && inner.hasNonNull("keterangan") ? inner.get("keterangan").asText() : text;
        metrics.call(method, OssMetrics.outcome(http, kode));
        String unavailable = unavailable(http, kode, hasKode);
        if (unavailable != null) {
            throw new OssUnavailableException("OSS " + method + " answered " + unavailable + ": "
                    + abbreviate(keterangan), false, null);
        }
        return new OssAnswer(http, kode, keterangan, inner);
    }

    /**
     * Why an answer is not OSS's word on the call (to be tried again), or null when it is: a server error, no answer,
     * a request timeout or rate limit (408, 429), or a success without OSS's {@code kode} (a gateway's or proxy's
     * maintenance page answers 200 with HTML; taken for success, a permit was marked issued in OSS that OSS never
     * stored). A 4xx without a kode is a refusal.
     */
    static String unavailable(int http, int kode, boolean hasKode) {
        // 408 (request timeout) and 429 (too many requests, a gateway's rate limit) say "not now", not "no": they were
        // taken for OSS refusing the call, and each became a failure for staff at once
        if (http >= 500 || kode >= 500 || http == 0 || http == 408 || http == 429 || kode == 408 || kode == 429) {
            return "HTTP " + http + ", kode " + kode;
        }
        if (http / 100 == 2 && !hasKode) {
            return "HTTP " + http + " without OSS's kode (not OSS's answer: a gateway's or proxy's page?)";
        }
        return null;
    }

    private JsonNode unwrap(String method, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (IOException e) {
            return null;
        }
        JsonNode inner = root.get("respon" + method);
        if (inner != null) {
            return inner;
        }
        // Versions of the guide differ in the wrapper's capitalisation; any single respon* object will do.
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().toLowerCase().startsWith("respon") && e.getValue().isObject()) {
                return e.getValue();
            }
        }
        return root.isObject() ? root : null;
    }

    private static OssUnavailableException unavailable(String method, Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return new OssUnavailableException("OSS " + method + " did not answer in time (" + t
                        + "); OSS may have stored it, the next attempt reconciles first", true, failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return new OssUnavailableException("OSS " + method + " not reachable: " + t, false, failure);
            }
        }
        return new OssUnavailableException("OSS " + method + " call failed: " + failure, false, failure);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
