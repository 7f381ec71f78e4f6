package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks the seed SOP from submission to its last step on both branches through the API, as the demo users, and
 * checks that every step reached the actor its column names and that the case ends with the branch's status. Every
 * status mail the SOP's rules owe the case is sent and recorded as sent once (the record is written with the
 * outbox's delete: {@code BothBranchesOnPostgresTest} runs the same on PostgreSQL), and none is left owed.
 */
@HubTest
class BothBranchesEndToEndTest {

    private static final Map<Integer, String> ACTOR_OF_STEP = actors();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recommendBranchIssuesThePermit() {
        String id = api.submit(Api.application(1)).get("id").asText();
        List<Integer> walked = walk(id, "recommend");
        assertThat(walked).containsExactly(2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25);
        api.awaitStatus(id, "ISSUED");
        assertHistory(id, List.of(1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25));
        assertMailsRecorded(id, "diterima", "resi", "terverifikasi", "peninjauan-lapangan", "direkomendasikan",
                "surat-izin", "izin-terbit");
    }

    @Test
    void rejectBranchEndsWithTheRejectionLetterReceived() {
        String id = api.submit(Api.application(2)).get("id").asText();
        List<Integer> walked = walk(id, "reject");
        assertThat(walked).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        api.awaitStatus(id, "REJECTED");
        assertHistory(id, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
        assertMailsRecorded(id, "diterima", "resi", "terverifikasi", "peninjauan-lapangan", "tidak-direkomendasikan",
                "surat-penolakan");
        assertAuditChainReadWhole(id);
    }

    /**
     * The chain verifies and exports in order from the case's first entry on: both read the rows a few hundred at a
     * time inside one read-only transaction (a cursor on PostgreSQL), and the export is written as the rows come.
     */
    private void assertAuditChainReadWhole(String id) {
        await().atMost(Api.ROUTING_TIMEOUT).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM audit_log WHERE application_id = ? AND action = 'STEP_COMPLETED'").param(id)
                .query(Long.class).single() >= 14);
        HttpHeaders admin = new HttpHeaders();
        admin.setBasicAuth("admin", "demo");
        ResponseEntity<JsonNode> verified = api.raw().exchange("/api/admin/audit/verify", HttpMethod.GET,
                new HttpEntity<>(admin), JsonNode.class);
        assertThat(verified.getStatusCode().value()).isEqualTo(200);
        assertThat(verified.getBody().get("ok").asBoolean()).isTrue();

        long first = jdbc.sql("SELECT MIN(seq) FROM audit_log WHERE application_id = ?").param(id).query(Long.class)
                .single();
        long ofCase = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE application_id = ?").param(id).query(Long.class)
                .single();
        ResponseEntity<String> export = api.raw().exchange("/api/admin/audit/export?from=" + first, HttpMethod.GET,
                new HttpEntity<>(admin), String.class);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("pintu-audit.jsonl");
        List<JsonNode> lines = export.getBody().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).get("seq").asLong()).as("line %d", i).isEqualTo(first + i);
        }
        assertThat(lines.stream().filter(l -> id.equals(l.path("applicationId").asText()))).hasSize((int) ofCase);
    }

    private void assertMailsRecorded(String id, String... templates) {
        await().atMost(Api.ROUTING_TIMEOUT).untilAsserted(() -> {
            List<String> recorded = jdbc.sql("SELECT dedup_key FROM mail_sent WHERE application_id = ?").param(id)
                    .query(String.class).list().stream().map(k -> k.substring(0, k.indexOf(':'))).toList();
            assertThat(recorded).containsExactlyInAnyOrder(templates);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE application_id = ? AND kind = 'MAIL'").param(id)
                    .query(Long.class).single()).as("mails still owed").isZero();
        });
    }

    private List<Integer> walk(String id, String branch) {
        List<Integer> steps = new ArrayList<>();
        int step = 2;
        while (true) {
            JsonNode task = api.awaitTask(id, step);
            String actor = task.get("actor").asText();
            assertThat(actor).as("actor of step %d", step).isEqualTo(ACTOR_OF_STEP.get(step));
            String user = actor.equals("pemohon") ? "front-office" : actor;
            String outcome = switch (step) {
                case 2 -> "complete";
                case 5 -> "verified";
                case 8 -> branch;
                default -> null;
            };
            assertThat(api.complete(task.get("taskId").asText(), user, outcome).status()).isEqualTo(200);
            steps.add(step);
            if (step == 15 || step == 25) {
                return steps;
            }
            step = step == 8 ? (branch.equals("recommend") ? 16 : 9) : step + 1;
        }
    }

    private void assertHistory(String id, List<Integer> expected) {
        JsonNode c = api.getCase(id);
        List<Integer> history = new ArrayList<>();
        for (JsonNode h : c.get("history")) {
            history.add(h.get("step").asInt());
            assertThat(h.get("completedAt")).as("step %s completed", h.get("step")).isNotNull();
            assertThat(h.get("dueAt")).isNotNull();
            assertThat(h.get("actor").asText()).isEqualTo(ACTOR_OF_STEP.get(h.get("step").asInt()));
        }
        assertThat(history).containsExactlyElementsOf(expected);
        assertThat(c.get("tasks")).isEmpty();
    }

    private static Map<Integer, String> actors() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(1, "pemohon");
        for (int s : new int[] {2, 3, 4, 24}) {
            m.put(s, "front-office");
        }
        for (int s : new int[] {5, 8, 9, 16, 17}) {
            m.put(s, "backoffice");
        }
        for (int s : new int[] {6, 7, 10, 18, 22}) {
            m.put(s, "tim-teknis");
        }
        m.put(11, "kabid-pelayanan");
        m.put(19, "kabid-pelayanan");
        m.put(12, "sekretaris");
        m.put(20, "sekretaris");
        for (int s : new int[] {13, 14, 21, 23}) {
            m.put(s, "kadis");
        }
        m.put(15, "pemohon");
        m.put(25, "pemohon");
        return m;
    }
}
