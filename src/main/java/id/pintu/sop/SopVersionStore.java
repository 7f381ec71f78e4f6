package id.pintu.sop;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code sop_version}: each stored definition text with its canonical hash. Rows are only ever added;
 * a running case may need any of them.
 */
@Repository
public class SopVersionStore {

    /** One stored version of one SOP. {@code content} is the file text as it was loaded. */
    public record Stored(String code, int version, String sha256, String content, String source, Instant loadedAt) {}

    private final JdbcTemplate jdbc;

    // JdbcTemplate (not JdbcClient): Spring Boot orders JdbcOperations after Flyway, and the catalog reads this
    // table while the context starts.
    public SopVersionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Stored> all() {
        return jdbc.query("SELECT code, version, sha256, content, source, loaded_at FROM sop_version ORDER BY code, version",
                (rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
    }

    /** The (code, version) pairs stored, without their content: what a hub checks for versions new to it. */
    public List<Map.Entry<String, Integer>> keys() {
        return jdbc.query("SELECT code, version FROM sop_version ORDER BY code, version",
                (rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)));
    }

    public Optional<Stored> latest(String code) {
        return all().stream().filter(s -> s.code().equals(code)).reduce((a, b) -> b);
    }

    /** Inserts a version; a second hub starting at the same moment makes this throw DuplicateKeyException. */
    public void insert(Stored s) {
        jdbc.update("INSERT INTO sop_version (code, version, sha256, content, source, loaded_at) VALUES (?, ?, ?, ?, ?, ?)",
                s.code(), s.version(), s.sha256(), s.content(), s.source(), Timestamp.from(s.loadedAt()));
    }
}
