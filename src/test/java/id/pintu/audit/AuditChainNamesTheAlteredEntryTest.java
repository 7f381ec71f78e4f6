package id.pintu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail is tamper-evident: every case event of a case is appended once (a redelivered event is not
 * doubled), the chain verifies, and after one row is altered by SQL both the endpoint and the offline command
 * name exactly that row as the first broken entry. The export holds one JSON line per entry.
 */
@HubTest
class AuditChainNamesTheAlteredEntryTest {

    @Autowired
    Api api;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void alteredRowIsNamedByVerifyAndCommand() throws Exception {
        String id = api.submit(Api.application(901)).get("id").asText();
        JsonNode task = api.awaitTask(id, 2);
        assertThat(api.complete(task.get("taskId").asText(), "front-office", "complete").status()).isEqualTo(200);
        api.awaitTask(id, 3);
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> assertThat(trail.ofApplication(id))
                .extracting(AuditEntry::action)
                .contains("SUBMITTED", "STEP_ENTERED", "STEP_COMPLETED"));
        AuditEntry completed = trail.ofApplication(id).stream()
                .filter(e -> e.action().equals("STEP_COMPLETED"))
                .findFirst()
                .orElseThrow();
        assertThat(completed.actor()).isEqualTo("front-office");
        assertThat(completed.after()).contains("\"outcome\":\"complete\"");

        // The same event delivered again is skipped by its eventId.
        assertThat(trail.append(new AuditTrail.Record("x", "STEP_COMPLETED", id, null, null, null,
                completed.eventId()))).isEmpty();

        Api.Response ok = api.call(HttpMethod.GET, "/api/admin/audit/verify", null, "admin");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("ok").asBoolean()).isTrue();
        assertThat(api.call(HttpMethod.GET, "/api/admin/audit/verify", null, "kadis").status()).isEqualTo(403);

        List<String> lines = export();
        assertThat(lines).hasSize(ok.body().get("entries").asInt());
        assertThat(new ObjectMapper().readTree(lines.get(0)).get("seq").asLong()).isEqualTo(1);

        jdbc.update("UPDATE audit_log SET actor = 'kadis' WHERE seq = ?", completed.seq());

        Api.Response broken = api.call(HttpMethod.GET, "/api/admin/audit/verify", null, "admin");
        assertThat(broken.status()).isEqualTo(409);
        assertThat(broken.body().get("brokenSeq").asLong()).isEqualTo(completed.seq());
        assertThat(broken.body().get("problem").asText()).contains("altered");
        try (Connection c = dataSource.getConnection()) {
            ChainVerifier.Result offline = AuditVerifyCommand.verify(c);
            assertThat(offline.ok()).isFalse();
            assertThat(offline.brokenSeq()).isEqualTo(completed.seq());
        }

        // Restoring the row restores the chain: the hash covers exactly the content.
        jdbc.update("UPDATE audit_log SET actor = 'front-office' WHERE seq = ?", completed.seq());
        assertThat(trail.verify().ok()).isTrue();
        // Removing the last entry is caught by the head.
        long last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_log", Long.class);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_log WHERE seq = ?", last);
        jdbc.update("DELETE FROM audit_log WHERE seq = ?", last);
        assertThat(trail.verify().brokenSeq()).isEqualTo(last);
        jdbc.update("INSERT INTO audit_log (seq, at, actor, action, application_id, subject, before_json, after_json,"
                + " event_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("seq"), row.get("at"),
                row.get("actor"), row.get("action"), row.get("application_id"), row.get("subject"),
                row.get("before_json"), row.get("after_json"), row.get("event_id"), row.get("prev_hash"),
                row.get("hash"));
        assertThat(trail.verify().ok()).isTrue();
        // An entry written past the head, around the chain, is reported.
        jdbc.update("INSERT INTO audit_log (seq, at, actor, action, application_id, subject, before_json, after_json,"
                + " event_id, prev_hash, hash) VALUES (?, ?, 'x', 'FORGED', NULL, NULL, NULL, NULL, NULL, ?, ?)",
                last + 1, row.get("at"), row.get("hash"), row.get("hash"));
        ChainVerifier.Result forged = trail.verify();
        assertThat(forged.ok()).isFalse();
        assertThat(forged.brokenSeq()).isEqualTo(last + 1);
        assertThat(forged.problem()).contains("past the head");
        try (Connection c = dataSource.getConnection()) {
            assertThat(AuditVerifyCommand.verify(c).brokenSeq()).isEqualTo(last + 1);
        }
        jdbc.update("DELETE FROM audit_log WHERE seq = ?", last + 1);
        assertThat(trail.verify().ok()).isTrue();
    }

    /**
     * A verification beside the hub's appends, in the hub and by the offline command, sees the chain as it stood
     * when it began: whole, not "broken".
     */
    @Test
    void verifyingWhileEntriesAreAppendedFindsTheChainWhole() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger appended = new java.util.concurrent.atomic.AtomicInteger();
        Thread appender = new Thread(() -> {
            while (!stop.get()) {
                trail.append(new AuditTrail.Record("test", "TEST_APPEND", null, null, null,
                        Map.of("i", appended.incrementAndGet()), null));
            }
        });
        appender.start();
        try (Connection c = dataSource.getConnection()) {
            int verified = 0;
            while (verified < 40 || appended.get() < 200) {
                ChainVerifier.Result r = trail.verify();
                assertThat(r.ok()).as("verification %d while appending: %s", verified, r).isTrue();
                ChainVerifier.Result offline = AuditVerifyCommand.verify(c);
                assertThat(offline.ok()).as("offline verification %d while appending: %s", verified, offline)
                        .isTrue();
                verified++;
            }
        } finally {
            stop.set(true);
            appender.join();
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    private List<String> export() {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("admin", "demo");
        ResponseEntity<String> r = api.raw().exchange("/api/admin/audit/export", HttpMethod.GET, new HttpEntity<>(h),
                String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody().lines().toList();
    }
}
