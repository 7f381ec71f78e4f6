package id.pintu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.scale.RestartablePostgres;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL taken away under a running hub: a clerk's API call and an applicant's tracking page are answered 503
 * with Retry-After and words that say what is wrong, within the connection timeout, not a bare 500 after 30 s; the
 * scheduled routes say once that they skip their runs instead of an ERROR with a stack trace on every run; with the
 * database back the same calls succeed and the routes say they run again, without a restart; a case event that
 * reached the audit meanwhile is recorded once the database is back.
 */
@HubTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageUnderARunningHubTest {

    private static final RestartablePostgres PG = startPostgres();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PG::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1500");
    }

    @Autowired
    Api api;

    @Autowired
    DatabaseOutageLog outageLog;

    @Autowired
    JmsTemplate jms;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void clerksAndApplicantsAreToldToTryAgainAndWorkGoesOnOnceItIsBack(CapturedOutput output) throws Exception {
        JsonNode created = api.submit(Api.application(7));
        String id = created.get("id").asText();
        String page = "/lacak?kode=" + created.get("trackingCode").asText() + "&token=" + created.get("token").asText();
        assertThat(api.call(HttpMethod.GET, "/api/applications/" + id, null, "front-office").status()).isEqualTo(200);

        String lateEvent = UUID.randomUUID().toString();
        int outageStart = output.getOut().length();
        PG.stop();
        try {
            // A plain client: Spring's test client (Apache HttpClient 5) would honour Retry-After and ask again.
            long started = System.nanoTime();
            HttpResponse<String> refused = get("/api/applications/" + id, "front-office");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("the database cannot be reached for now");
            assertThat(refused.headers().firstValue(HttpHeaders.RETRY_AFTER)).hasValue("30");
            assertThat(took).as("answered within the connection timeout, not Hikari's default 30 s")
                    .isLessThan(Duration.ofSeconds(15));

            HttpResponse<String> tracking = get(page, null);
            assertThat(tracking.statusCode()).isEqualTo(503);
            assertThat(tracking.headers().firstValue(HttpHeaders.RETRY_AFTER)).hasValue("30");
            assertThat(tracking.body()).contains("tidak dapat menjangkau basis datanya").contains("coba lagi");

            // A case event that reaches the audit meanwhile (published by a hub whose database write came just
            // before; here to the audit's subscription only) waits: the audit keeps trying it, not dead-lettering.
            JmsTemplate topic = new JmsTemplate(jms.getConnectionFactory());
            topic.setPubSubDomain(true);
            topic.convertAndSend("pintu.events::pintu-audit", "{\"eventId\": \"" + lateEvent + "\", "
                    + "\"type\": \"STEP_ENTERED\", \"applicationId\": \"" + id + "\", \"stepNo\": 99}");

            await().atMost(Duration.ofSeconds(20)).until(() -> outageLog.isSkipping("outbox-poll")
                    && outageLog.isSkipping("outbox-poll-outside"));
            await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().substring(outageStart)
                    .contains("audit-events: the database is away"));
            String during = output.getOut().substring(outageStart);
            assertThat(during).containsOnlyOnce("Database out of reach: outbox-poll skips its runs until it is back");
            // Thread names are cut to their last 15 characters: timer://outbox-poll, timer://outbox-poll-outside.
            assertThat(during.lines().filter(l -> (l.contains("r://outbox-poll]") || l.contains("ox-poll-outside]"))
                    && l.contains("ERROR")))
                    .as("ERROR lines of the outbox polls while the database is away").isEmpty();
        } finally {
            PG.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("/api/applications/" + id, "front-office").statusCode()).isEqualTo(200);
            assertThat(get(page, null).statusCode()).isEqualTo(200);
            assertThat(outageLog.isSkipping("outbox-poll")).isFalse();
            assertThat(outageLog.isSkipping("outbox-poll-outside")).isFalse();
        });
        assertThat(output.getOut().substring(outageStart)).contains("Database reachable again: outbox-poll runs again")
                .doesNotContain("Dead-lettered from audit-events");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE event_id = ?")
                .param(lateEvent).query(Long.class).single() == 1);
        // Work goes on: the case's first task can still be completed.
        JsonNode task = api.awaitTask(id, 2);
        assertThat(api.complete(task.get("taskId").asText(), task.get("actor").asText(), "complete").status())
                .isEqualTo(200);
        api.awaitTask(id, 3);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(40));
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RestartablePostgres startPostgres() {
        try {
            RestartablePostgres pg = new RestartablePostgres();
            pg.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
