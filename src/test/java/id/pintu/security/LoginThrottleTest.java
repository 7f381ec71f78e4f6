package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditEntry;
import id.pintu.audit.AuditTrail;
import id.pintu.support.HubTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing is throttled: after the configured number of failed HTTP Basic logins the next attempt is
 * refused with 429 and Retry-After even with the right password, each failure is in the audit trail (without the
 * password), and the lock ends by itself.
 */
@HubTest
@TestPropertySource(properties = {"pintu.login-throttle.max-failures=3", "pintu.login-throttle.lockout=3s",
        "pintu.login-throttle.window=4s",
        "pintu.retention.kinds.ktp=P5Y", "pintu.retention.scheduled=false"})
class LoginThrottleTest {

    @Autowired
    AuditTrail audit;

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void guessingIsLockedOutThenReleased() {
        awaitUnlocked();
        for (int i = 0; i < 3; i++) {
            assertThat(call("sekretaris", "tebakan-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = call("sekretaris", "demo");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue(HttpHeaders.RETRY_AFTER)).isPresent();
        assertThat(locked.body()).contains("too many failed logins");

        List<AuditEntry> entries = new ArrayList<>();
        audit.export(1, entries::add);
        assertThat(entries).filteredOn(e -> e.action().equals(AuditActions.LOGIN_FAILED)
                        && e.actor().equals("sekretaris"))
                .hasSize(3)
                .allSatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("sekretaris");
                    assertThat(String.valueOf(e.after())).doesNotContain("tebakan");
                });
        assertThat(entries).anyMatch(e -> e.action().equals(AuditActions.LOGIN_THROTTLED)
                && e.actor().equals("sekretaris"));

        awaitUnlocked();
    }

    /**
     * Spring checks the password of any header that starts with "Basic" and reads the token from its seventh
     * character; the throttle read only "Basic " with its space, so "BasicX" + token went past every lock.
     */
    @Test
    void aLockHoldsWhateverTheHeaderLooksLike() {
        awaitUnlocked();
        for (int i = 0; i < 3; i++) {
            assertThat(call("kadis", "tebakan-" + i).statusCode()).isEqualTo(401);
        }
        String token = Base64.getEncoder().encodeToString("kadis:demo".getBytes(StandardCharsets.UTF_8));
        for (String header : List.of("BasicX" + token, "basic " + token, "BASIC " + token)) {
            assertThat(send("/api/inbox/kadis", header).statusCode()).as(header).isEqualTo(429);
        }
        awaitUnlocked();
    }

    /**
     * Guesses sent all at once each passed the look at the lock before the failures of the others were counted (the
     * password check takes bcrypt's time): now a burst is bounded, and once there are failures only as many are
     * checked at once as failures are left before the lock. A client's parallel calls all pass.
     */
    @Test
    void aBurstOfGuessesGetsNoMoreChecksThanTheLockAllows() throws Exception {
        awaitUnlocked();
        ExecutorService burst = Executors.newFixedThreadPool(30);
        try {
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String guess = "tebakan-" + i;
                guesses.add(burst.submit(() -> call("kabid-pelayanan", guess).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> g : guesses) {
                statuses.add(g.get(60, TimeUnit.SECONDS));
            }
            // Before any failure a username takes a burst of four times the lock's failures (a client's parallel
            // calls before its first success); all 30 were checked
            assertThat(statuses).filteredOn(st -> st == 401).as("passwords checked").hasSizeLessThanOrEqualTo(12);
            assertThat(statuses).filteredOn(st -> st == 429).hasSizeGreaterThanOrEqualTo(18);
            awaitUnlocked();

            // A client's parallel calls before its first success (after a restart) all pass
            List<Future<Integer>> first = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                first.add(burst.submit(() -> call("ksb-umum", "demo").statusCode()));
            }
            for (Future<Integer> c : first) {
                assertThat(c.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }

            assertThat(call("front-office", "demo").statusCode()).isEqualTo(200);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(burst.submit(() -> call("front-office", "demo").statusCode()));
            }
            for (Future<Integer> c : calls) {
                assertThat(c.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            burst.shutdownNow();
        }
    }

    /**
     * Credentials are trusted (they skip the reservation) only once HTTP Basic logged them in: a page or a refused
     * foreign-site write answered without checking any password and trusted whatever the header said.
     */
    @Test
    void onlyALoginMakesCredentialsTrusted() throws Exception {
        awaitUnlocked();
        String wrong = "Basic " + Base64.getEncoder().encodeToString("kadis:salah".getBytes(StandardCharsets.UTF_8));
        assertThat(send("/masuk", wrong).statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/jolokia")).header(HttpHeaders.AUTHORIZATION, wrong).header("Origin",
                        "http://evil.example").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(throttle.known("kadis", "salah")).isFalse();
        assertThat(call("kadis", "demo").statusCode()).isEqualTo(200);
        assertThat(throttle.known("kadis", "demo")).isTrue();
    }

    /**
     * The address's lock of an earlier test has ended and its failures have left the window (4 s here), those counted
     * after its lock began included (each test's own user is not locked yet).
     */
    private void awaitUnlocked() {
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> call("sekretaris", "demo").statusCode() == 200);
    }

    private HttpResponse<String> call(String user, String password) {
        return send("/api/inbox/" + user, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * With the JDK's client: the test's RestTemplate (Apache HttpClient 5) retries a 429 by itself after its
     * Retry-After, by which time this test's 3-second lock has ended.
     */
    private HttpResponse<String> send(String path, String authorization) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header(HttpHeaders.AUTHORIZATION, authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
