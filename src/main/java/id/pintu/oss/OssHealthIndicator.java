package id.pintu.oss;

import id.pintu.common.Cached;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code oss}: whether OSS (or the sandbox standing in for it) answers at all, and the state of this
 * instance's circuit breaker around the OSS calls. DOWN when OSS does not answer, answers 5xx, or the breaker is open
 * (the hub has stopped calling OSS for a while). The reachability probe is one GET of the base URL (or
 * {@code pintu.oss.health.url}), its result reused for {@code pintu.oss.health.cache}; the breaker's state is read at
 * every call. Not part of readiness by default: OSS calls wait on a durable queue and are retried, so a hub without
 * OSS still serves its staff (README, "Health and readiness").
 */
@Component
public class OssHealthIndicator implements HealthIndicator {

    private final OssProperties properties;
    private final OssEndpoint endpoint;
    private final CloseableHttpClient http;
    private final OssCircuit circuit;
    private final Cached<Map<String, Object>> reach;

    public OssHealthIndicator(OssProperties properties, OssEndpoint endpoint,
            @Qualifier("ossHttpClient") CloseableHttpClient http, OssCircuit circuit) {
        this.properties = properties;
        this.endpoint = endpoint;
        this.http = http;
        this.circuit = circuit;
        this.reach = new Cached<>(properties.health().cache(), this::probe);
    }

    @Override
    public Health health() {
        Map<String, Object> r = reach.get();
        Optional<OssCircuit.State> breaker = circuit.state();
        boolean reachable = Boolean.TRUE.equals(r.get("reachable"));
        boolean open = breaker.map(OssCircuit.State::open).orElse(false);
        Health.Builder h = reachable && !open ? Health.up() : Health.down();
        h.withDetails(r);
        if (breaker.isPresent()) {
            OssCircuit.State b = breaker.get();
            Map<String, Object> cb = new LinkedHashMap<>();
            cb.put("state", b.state());
            cb.put("failureRate", b.failureRate());
            cb.put("bufferedCalls", b.bufferedCalls());
            cb.put("notPermittedCalls", b.notPermittedCalls());
            h.withDetail("circuitBreaker", cb);
            if (open) {
                h.withDetail("error", "circuit breaker " + b.state() + ": the hub is not calling OSS for now; calls"
                        + " wait on " + properties.requestQueue() + " and are retried");
            }
        } else {
            h.withDetail("circuitBreaker", Map.of("state", "NOT_STARTED"));
        }
        return h.build();
    }

    private Map<String, Object> probe() {
        String url = properties.health().url().isBlank() ? endpoint.baseUrl() : properties.health().url();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("url", url);
        HttpGet get = new HttpGet(url);
        Timeout timeout = Timeout.of(properties.health().timeout());
        get.setConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build());
        long start = System.nanoTime();
        try {
            int status = http.execute(get, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            d.put("httpStatus", status);
            d.put("reachable", status < 500);
            if (status >= 500) {
                d.put("error", "OSS answers HTTP " + status);
            }
        } catch (IOException | RuntimeException e) {
            d.put("reachable", false);
            d.put("error", "no answer from OSS: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        d.put("millis", (System.nanoTime() - start) / 1_000_000);
        d.put("checkedAt", Instant.now().toString());
        return d;
    }
}
