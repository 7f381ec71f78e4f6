package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * What staff type to find a case: each kind of text finds the cases it names and no other, case does not matter,
 * a typed {@code %} or {@code _} is a character and not a wildcard, a status or an SOP narrows, the newest come
 * first; the API's {@code GET /api/applications?q=} is the same search.
 */
@HubTest
class CaseSearchTest {

    @Autowired
    Api api;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    WorkflowService workflow;

    @Autowired
    DataSource dataSource;

    @Test
    void eachKindOfTextFindsItsCases() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String nib = digits(13);
        String npwp = digits(16);
        JsonNode first = submit("PT Sinar_" + tag + " 100% Jaya", "Rina " + tag, "Rina." + tag + "@Contoh.co.id", nib,
                npwp);
        JsonNode second = submit("CV Sinar" + tag + " Abadi", "Dedi", "dedi-" + tag + "@contoh.co.id", nib,
                digits(15));
        String a = first.get("id").asText();
        String b = second.get("id").asText();

        assertThat(ids("sinar")).as("part of a name, any case").contains(a, b);
        assertThat(ids("SINAR_" + tag)).as("_ is a character").containsExactly(a);
        assertThat(ids(tag + " 100%")).as("% is a character").containsExactly(a);
        assertThat(ids("100%" + tag)).isEmpty();
        assertThat(ids(nib)).as("the NIB, newest first").containsExactly(b, a);
        assertThat(ids(npwp)).containsExactly(a);
        assertThat(ids("rina." + tag + "@contoh.co.id")).as("the email, whatever its case").containsExactly(a);
        assertThat(ids("Rina." + tag + "@Contoh.co.id")).containsExactly(a);
        assertThat(ids(second.get("trackingCode").asText().toLowerCase())).containsExactly(b);
        assertThat(ids("rina " + tag)).as("the applicant's name").containsExactly(a);
        assertThat(applications.search(nib, null, "izin-reklame", 10)).as("another SOP's cases only").isEmpty();

        JsonNode listed = api.call(HttpMethod.GET, "/api/applications?q=" + npwp, null, "front-office").body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).as("the API's q is the same search").isEqualTo(a);

        workflow.withdraw(b, "test", Caller.applicant(b, "dedi-" + tag + "@contoh.co.id"));
        assertThat(applications.search(nib, CaseStatus.WITHDRAWN, null, 10)).extracting(Application::id)
                .containsExactly(b);
        assertThat(applications.search(nib, CaseStatus.IN_PROGRESS, null, 10)).extracting(Application::id)
                .containsExactly(a);
        assertThat(applications.search("", null, null, 1)).as("blank lists the newest").hasSize(1);
    }

    /** An email search reads the lower-cased key's index, not every case stored (V80). */
    @Test
    void anEmailSearchReadsItsIndex() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            if (postgres) {
                // A test database is small enough for a full read to look cheaper: ask whether the index can serve
                st.execute("SET enable_seqscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery("EXPLAIN SELECT id FROM application"
                    + " WHERE applicant_email_key = 'rina@contoh.co.id' ORDER BY submitted_at DESC, id DESC LIMIT 50")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            if (postgres) {
                st.execute("RESET enable_seqscan");
            }
            assertThat(plan.toString().toLowerCase()).contains("application_email");
        }
    }

    private List<String> ids(String text) {
        return applications.search(text, null, null, 50).stream().map(Application::id).toList();
    }

    private JsonNode submit(String company, String applicant, String email, String nib, String npwp) {
        Map<String, Object> application = new HashMap<>(Api.application(70));
        application.put("applicant", Map.of("name", applicant, "email", email, "phone", "081234567890"));
        application.put("company", Map.of("name", company, "nib", nib, "npwp", npwp,
                "address", "Jl. Merdeka No. 1, Sidikalang", "kbli", "10761"));
        return api.submit(application);
    }

    private static String digits(int n) {
        StringBuilder sb = new StringBuilder().append(ThreadLocalRandom.current().nextInt(1, 10));
        while (sb.length() < n) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString();
    }
}
