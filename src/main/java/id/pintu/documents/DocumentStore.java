package id.pintu.documents;

import id.pintu.common.Sha256;
import id.pintu.common.TimeOrderedIds;
import id.pintu.security.ArchiveSniffer;
import id.pintu.security.HostileContentException;
import id.pintu.security.SafeFileName;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the documents of cases with their SHA-256; ids are random UUIDs, so they cannot be guessed. */
@Component
public class DocumentStore {

    private static final String COLUMNS = "id, application_id, kind, step_no, name, content_type, size_bytes, sha256,"
            + " audience, created_at, created_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    public DocumentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a document. Every name passes {@link SafeFileName} (no folders, no control characters, bounded
     * length) and archives are refused ({@link HostileContentException}), whichever channel the file came from.
     */
    public StoredDocument store(String applicationId, String kind, Integer stepNo, String name, String contentType,
            byte[] content, String audience, String createdBy) {
        name = SafeFileName.of(name);
        ArchiveSniffer.refuseArchive(name, content);
        Instant now = clock.instant();
        StoredDocument d = new StoredDocument(TimeOrderedIds.next(now), applicationId, kind, stepNo, name,
                contentType, content.length, sha256(content), audience, now, createdBy);
        jdbc.sql("INSERT INTO document (" + COLUMNS + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.applicationId(), d.kind(), d.stepNo(), d.name(), d.contentType(), d.sizeBytes(),
                        d.sha256(), d.audience(), Timestamp.from(now), d.createdBy(), content)
                .update();
        return d;
    }

    /** A file of the dossier recorded as another required document (the front office's correction). */
    public void reclassify(String id, String kind) {
        jdbc.sql("UPDATE document SET kind = ? WHERE id = ?").params(kind, id).update();
    }

    public Optional<StoredDocument> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<StoredDocument> ofApplication(String applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE application_id = ? ORDER BY created_at, name")
                .param(applicationId)
                .query(this::map)
                .list();
    }

    /** The ids of the case's documents whose content the retention purge deleted (the record of each stays). */
    public Set<String> purged(String applicationId) {
        return Set.copyOf(jdbc.sql("SELECT id FROM document WHERE application_id = ? AND purged_at IS NOT NULL")
                .param(applicationId).query(String.class).list());
    }

    public Optional<byte[]> content(String id) {
        return jdbc.sql("SELECT content FROM document WHERE id = ? AND content IS NOT NULL").param(id).query(byte[].class).optional();
    }

    public static String sha256(byte[] content) {
        return Sha256.hex(content);
    }

    private StoredDocument map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int step = rs.getInt("step_no");
        Integer stepNo = rs.wasNull() ? null : step;
        return new StoredDocument(rs.getString("id"), rs.getString("application_id"), rs.getString("kind"), stepNo,
                rs.getString("name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("audience"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
