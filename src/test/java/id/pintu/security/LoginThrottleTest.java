package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditEntry;
import id.pintu.audit.AuditTrail;
import id.pintu.support.HubTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing is throttled: after the configured number of failed HTTP Basic logins the next attempt is
 * refused with 429 and Retry-After even with the right password, each failure is in the audit trail (without the
 * password), and the lock ends by itself.
 */
@HubTest
@TestPropertySource(properties = {"pintu.login-throttle.max-failures=3", "pintu.login-throttle.lockout=3s",
        "pintu.retention.kinds.ktp=P5Y", "pintu.retention.scheduled=false"})
class LoginThrottleTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditTrail audit;

    @Test
    void guessingIsLockedOutThenReleased() {
        for (int i = 0; i < 3; i++) {
            assertThat(inbox("sekretaris", "tebakan-" + i).getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<String> locked = inbox("sekretaris", "demo");
        assertThat(locked.getStatusCode().value()).isEqualTo(429);
        assertThat(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(locked.getBody()).contains("too many failed logins");

        List<AuditEntry> entries = new ArrayList<>();
        audit.export(1, entries::add);
        assertThat(entries).filteredOn(e -> e.action().equals(AuditActions.LOGIN_FAILED))
                .hasSize(3)
                .allSatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("sekretaris");
                    assertThat(String.valueOf(e.after())).doesNotContain("tebakan");
                });
        assertThat(entries).anyMatch(e -> e.action().equals(AuditActions.LOGIN_THROTTLED));

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> inbox("sekretaris", "demo").getStatusCode().value() == 200);
    }

    private ResponseEntity<String> inbox(String user, String password) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, password);
        return rest.exchange("/api/inbox/sekretaris", HttpMethod.GET, new HttpEntity<>(h), String.class);
    }
}
