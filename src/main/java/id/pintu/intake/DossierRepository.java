package id.pintu.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DossierRepository {

    private static final String COLUMNS = "id, application_id, document_id, file_name, requirement, content_type,"
            + " size_bytes, valid, problem, matched_by, created_at, updated_at";

    private final JdbcClient jdbc;

    public DossierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DossierItem i) {
        jdbc.sql("INSERT INTO dossier_item (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.id(), i.applicationId(), i.documentId(), i.fileName(), i.requirement(), i.contentType(),
                        i.sizeBytes(), i.valid(), i.problem(), i.matchedBy(), Timestamp.from(i.createdAt()),
                        Timestamp.from(i.updatedAt()))
                .update();
    }

    public List<DossierItem> ofApplication(String applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dossier_item WHERE application_id = ? ORDER BY created_at, file_name")
                .param(applicationId)
                .query(this::map)
                .list();
    }

    public Optional<DossierItem> byDocument(String applicationId, String documentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dossier_item WHERE application_id = ? AND document_id = ?")
                .params(applicationId, documentId)
                .query(this::map)
                .optional();
    }

    public void rematch(String id, String requirement, String by, Instant now) {
        jdbc.sql("UPDATE dossier_item SET requirement = ?, matched_by = ?, updated_at = ? WHERE id = ?")
                .params(requirement, by, Timestamp.from(now), id)
                .update();
    }

    private DossierItem map(ResultSet rs, int n) throws SQLException {
        return new DossierItem(rs.getString("id"), rs.getString("application_id"), rs.getString("document_id"),
                rs.getString("file_name"), rs.getString("requirement"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getBoolean("valid"), rs.getString("problem"), rs.getString("matched_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
