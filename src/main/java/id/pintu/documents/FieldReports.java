package id.pintu.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The technical team's field-review entries (SOP step 7), one per case; saving again replaces them. */
@Repository
public class FieldReports {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public FieldReports(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Saves the report if the case has an open task of {@code actor} (the field review), which stays open until the
     * report is written (its row is locked: a completion of the step waits for this transaction, and one committed
     * before it leaves no open task to find). False when it has none.
     */
    @Transactional
    public boolean saveWhileOpen(FieldReport r, String actor) {
        boolean open = !jdbc.sql("SELECT id FROM task WHERE application_id = ? AND actor = ? AND status = 'OPEN'"
                        + " FOR UPDATE")
                .params(r.applicationId(), actor).query(String.class).list().isEmpty();
        if (!open) {
            return false;
        }
        String fields;
        try {
            fields = json.writeValueAsString(r.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        int updated = jdbc.sql("UPDATE field_report SET findings = ?, fields_json = ?, updated_by = ?, updated_at = ?"
                        + " WHERE application_id = ?")
                .params(r.findings(), fields, r.updatedBy(), Timestamp.from(r.updatedAt()), r.applicationId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO field_report (application_id, findings, fields_json, updated_by, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(r.applicationId(), r.findings(), fields, r.updatedBy(), Timestamp.from(r.updatedAt()))
                    .update();
        }
        return true;
    }

    public Optional<FieldReport> find(String applicationId) {
        return jdbc.sql("SELECT application_id, findings, fields_json, updated_by, updated_at FROM field_report"
                        + " WHERE application_id = ?")
                .param(applicationId)
                .query((rs, n) -> new FieldReport(rs.getString(1), rs.getString(2), fields(rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    private Map<String, String> fields(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("field report of a case is not readable", e);
        }
    }
}
