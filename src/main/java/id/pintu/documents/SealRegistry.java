package id.pintu.documents;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry of sealed documents behind the public verification: a short random code per document (10
 * characters of a 32-letter alphabet without look-alikes: 50 bits, not guessable), with the facts a verifier may
 * see: number, holder, date, SHA-256.
 */
@Component
public class SealRegistry {

    public record Seal(String code, String documentId, String applicationId, String kind, String title,
            String number, String holder, Instant issuedAt, String sha256) {}

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 10;
    private static final String COLUMNS = "code, document_id, application_id, kind, title, letter_number, holder,"
            + " issued_at, sha256";

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public SealRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String newCode() {
        StringBuilder sb = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    public void record(Seal s) {
        jdbc.sql("INSERT INTO document_seal (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.code(), s.documentId(), s.applicationId(), s.kind(), s.title(), s.number(), s.holder(),
                        Timestamp.from(s.issuedAt()), s.sha256())
                .update();
    }

    /** Codes are printed upper-case; a reader may type them in lower case. */
    public Optional<Seal> byCode(String code) {
        if (code == null || code.length() != CODE_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM document_seal WHERE code = ?")
                .param(code.toUpperCase(java.util.Locale.ROOT))
                .query(this::map)
                .optional();
    }

    public List<Seal> bySha256(String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document_seal WHERE sha256 = ?").param(sha256).query(this::map).list();
    }

    private Seal map(ResultSet rs, int n) throws SQLException {
        return new Seal(rs.getString("code"), rs.getString("document_id"), rs.getString("application_id"),
                rs.getString("kind"), rs.getString("title"), rs.getString("letter_number"), rs.getString("holder"),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("sha256"));
    }
}
