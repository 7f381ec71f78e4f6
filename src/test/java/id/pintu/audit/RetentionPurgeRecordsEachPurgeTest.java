package id.pintu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Retention per document kind: a KTP scan of a case closed longer ago than its period loses its content, with an
 * audit entry; a kind without a period, and the same kind in an open case, are kept; a second purge finds nothing.
 */
@HubTest
@TestPropertySource(properties = {"pintu.login-throttle.max-failures=3", "pintu.login-throttle.lockout=3s",
        "pintu.retention.kinds.ktp=P5Y", "pintu.retention.scheduled=false"})
class RetentionPurgeRecordsEachPurgeTest {

    @Autowired
    Api api;

    @Autowired
    DocumentStore documents;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void expiredKtpOfAClosedCaseIsPurgedAndRecorded() {
        JsonNode closed = api.submit(Api.application(941));
        String closedId = closed.get("id").asText();
        JsonNode open = api.submit(Api.application(942));
        StoredDocument oldKtp = scan(closedId, "ktp");
        StoredDocument oldNib = scan(closedId, "nib");
        StoredDocument openKtp = scan(open.get("id").asText(), "ktp");

        assertThat(api.call(HttpMethod.POST, "/api/track/" + closed.get("trackingCode").asText() + "/withdraw",
                Map.of("token", closed.get("token").asText()), null).status()).isEqualTo(200);
        api.awaitStatus(closedId, "WITHDRAWN");
        jdbc.update("UPDATE application SET closed_at = closed_at - INTERVAL '6' YEAR WHERE id = ?", closedId);

        assertThat(api.call(HttpMethod.POST, "/api/admin/retention/purge", null, "kadis").status()).isEqualTo(403);
        Api.Response purge = api.call(HttpMethod.POST, "/api/admin/retention/purge", null, "admin");
        assertThat(purge.status()).isEqualTo(200);
        assertThat(purge.body().findValuesAsText("documentId")).containsExactly(oldKtp.id());

        assertThat(documents.content(oldKtp.id())).isEmpty();
        assertThat(documents.find(oldKtp.id())).isPresent();
        assertThat(documents.content(oldNib.id())).isPresent();
        assertThat(documents.content(openKtp.id())).isPresent();
        assertThat(audit.ofApplication(closedId))
                .filteredOn(e -> e.action().equals(AuditActions.DOCUMENT_PURGED))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("admin");
                    assertThat(e.subject()).isEqualTo(oldKtp.id());
                    assertThat(e.before()).contains(oldKtp.sha256());
                });

        assertThat(api.call(HttpMethod.POST, "/api/admin/retention/purge", null, "admin").body()).isEmpty();
        assertThat(audit.verify().ok()).isTrue();
    }

    private StoredDocument scan(String applicationId, String kind) {
        return documents.store(applicationId, kind, 1, kind + ".pdf", "application/pdf",
                ("%PDF-1.4 " + kind + applicationId).getBytes(StandardCharsets.US_ASCII), StoredDocument.STAFF,
                "front-office");
    }
}
