package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.mail.EmbeddedMailServer;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The health components {@code mail} and {@code oss} go DOWN, with what failed, when the mail server stops, when
 * OSS answers 503 and when the circuit breaker around the OSS calls opens, and come back UP; readiness stays UP
 * throughout (by default neither counts for readiness), as does liveness, while the overall health shows the fault.
 */
@HubTest
@DisableJmx(false)
@AutoConfigureObservability
class MailAndOssHealthLeaveReadinessAloneTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Api api;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    CamelContext camel;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void restore() {
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
        api.call(HttpMethod.POST, "/oss-sandbox/control", Map.of("reset", true), null);
        breaker().transitionToCloseState();
    }

    @Test
    void mailDownWhileTheServerIsStopped() {
        await().atMost(Duration.ofSeconds(20)).until(() -> status("mail").equals("UP"));
        assertThat(component("mail").at("/details/smtp/server").asText()).startsWith("smtp://127.0.0.1:");

        mailServer.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> status("mail").equals("DOWN"));
        JsonNode down = component("mail");
        assertThat(down.at("/details/smtp/status").asText()).isEqualTo("DOWN");
        assertThat(down.at("/details/smtp/error").asText()).isNotBlank();
        assertThat(down.at("/details/imap/status").asText()).isEqualTo("DOWN");
        // The intake's poller has failed too, and still the hub stays ready for its staff.
        ScheduledPollConsumer poller = (ScheduledPollConsumer) camel.getRoute("mail-intake").getConsumer();
        await().atMost(Duration.ofSeconds(20)).until(() -> poller.getErrorCounter() > 0);
        assertReadyButOverallDown("mail");

        mailServer.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> status("mail").equals("UP"));
    }

    @Test
    void ossDownWhileTheSandboxIsDown() {
        await().atMost(Duration.ofSeconds(20)).until(() -> status("oss").equals("UP"));

        api.call(HttpMethod.POST, "/oss-sandbox/control", Map.of("down", true), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("oss").equals("DOWN"));
        JsonNode down = component("oss");
        assertThat(down.at("/details/httpStatus").asInt()).isEqualTo(503);
        assertThat(down.at("/details/url").asText()).endsWith("/oss-sandbox/v1/kl/rba");
        assertThat(down.at("/details/circuitBreaker/state").asText()).isEqualTo("CLOSED");
        assertReadyButOverallDown("oss");

        api.call(HttpMethod.POST, "/oss-sandbox/control", Map.of("down", false), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("oss").equals("UP"));
    }

    @Test
    void ossDownWhileTheCircuitBreakerIsOpen() {
        await().atMost(Duration.ofSeconds(20)).until(() -> status("oss").equals("UP"));

        breaker().transitionToOpenState();
        JsonNode open = component("oss");
        assertThat(open.get("status").asText()).isEqualTo("DOWN");
        assertThat(open.at("/details/circuitBreaker/state").asText()).isEqualTo("OPEN");
        assertThat(open.at("/details/reachable").asBoolean()).isTrue();
        assertThat(open.at("/details/error").asText()).contains("circuit breaker OPEN");
        assertReadyButOverallDown("oss");

        breaker().transitionToCloseState();
        assertThat(status("oss")).isEqualTo("UP");
    }

    private void assertReadyButOverallDown(String component) {
        ResponseEntity<String> ready = rest.getForEntity("/actuator/health/readiness", String.class);
        assertThat(ready.getStatusCode().value()).as("readiness: %s", ready.getBody()).isEqualTo(200);
        assertThat(ready.getBody()).contains("\"status\":\"UP\"");
        assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> all = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health", String.class);
        assertThat(all.getStatusCode().value()).isEqualTo(503);
        assertThat(read(all.getBody()).at("/components/" + component + "/status").asText()).isEqualTo("DOWN");
    }

    private ResilienceProcessor breaker() {
        return camel.getProcessor("oss-circuit-breaker", ResilienceProcessor.class);
    }

    private String status(String component) {
        return component(component).get("status").asText();
    }

    private JsonNode component(String component) {
        return read(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health/" + component, String.class)
                .getBody());
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
