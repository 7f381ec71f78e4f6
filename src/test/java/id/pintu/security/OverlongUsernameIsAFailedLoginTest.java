package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditEntry;
import id.pintu.audit.AuditTrail;
import id.pintu.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * A username of any length is a failed login like another: 401, and recorded in the audit trail with the name cut
 * to what the log holds (the chain still verifies). The audit log refused an actor over 254 characters: the login
 * answered 500 and its failure was not recorded.
 */
@HubTest
class OverlongUsernameIsAFailedLoginTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditTrail audit;

    @Test
    void anOverlongUsernameIsRefusedAndRecorded() {
        String typed = "x".repeat(300);
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(typed, "salah");
        assertThat(rest.exchange("/api/inbox/sekretaris", HttpMethod.GET, new HttpEntity<>(h), String.class)
                .getStatusCode().value()).isEqualTo(401);
        List<AuditEntry> entries = new ArrayList<>();
        audit.export(1, entries::add);
        assertThat(entries).filteredOn(e -> e.action().equals(AuditActions.LOGIN_FAILED)
                        && e.actor().startsWith("xxxxxxxxxx"))
                .singleElement().satisfies(e -> assertThat(e.actor()).hasSize(254).endsWith("…"));
        assertThat(audit.verify().ok()).isTrue();
    }
}
