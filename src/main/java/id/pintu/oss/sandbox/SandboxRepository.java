package id.pintu.oss.sandbox;

import id.pintu.common.TimeOrderedIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox's own tables: one record per idempotency key, and the log of every request. */
@Repository
@ConditionalOnProperty(prefix = "pintu.oss.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
class SandboxRepository {

    record Record(String id, String key, String method, String idIzin, String nib, String kdStatus, String payload,
            String answer, Instant createdAt) {}

    record Received(long seq, String method, String key, int httpStatus, int kode, String outcome, Instant receivedAt,
            String payload) {}

    private static final String RECORD = "id, idem_key, method, id_izin, nib, kd_status, payload, answer, created_at";

    /** See {@link #latestOfNib}. */
    static final String LATEST_OF_NIB = "SELECT " + RECORD + " FROM oss_sandbox_record WHERE nib = ?"
            + " ORDER BY nib DESC, created_at DESC LIMIT 1";

    private final JdbcClient jdbc;
    private final AtomicLong seq;

    SandboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.seq = new AtomicLong(jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM oss_sandbox_request")
                .query(Long.class).single());
    }

    /** Stores a record; false when one with the key exists (the unique key decides between racing requests). */
    boolean insert(Record r) {
        return jdbc.sql("INSERT INTO oss_sandbox_record (" + RECORD + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM oss_sandbox_record WHERE idem_key = ?)")
                .params(r.id(), r.key(), r.method(), r.idIzin(), r.nib(), r.kdStatus(), cut(r.payload()), cut(r.answer()),
                        Timestamp.from(r.createdAt()), r.key())
                .update() == 1;
    }

    Optional<Record> byKey(String key) {
        return jdbc.sql("SELECT " + RECORD + " FROM oss_sandbox_record WHERE idem_key = ?").param(key)
                .query(this::record).optional();
    }

    boolean izinExists(String idIzin) {
        return jdbc.sql("SELECT COUNT(*) FROM oss_sandbox_record WHERE id_izin = ?").param(idIzin)
                .query(Long.class).single() > 0;
    }

    Optional<Record> latestOfIzin(String idIzin) {
        return jdbc.sql("SELECT " + RECORD + " FROM oss_sandbox_record WHERE id_izin = ? ORDER BY created_at DESC LIMIT 1")
                .param(idIzin).query(this::record).optional();
    }

    /**
     * The newest record of a NIB. Ordered by both columns of the index {@code (nib, created_at)}: with
     * {@code ORDER BY created_at DESC} alone H2 read every record of the NIB and sorted them (the benchmark's cases
     * share one NIB: 11 % of the hub's CPU after a few thousand cases); like this it reads the index backwards and
     * stops at the first entry, on H2 and PostgreSQL alike.
     */
    Optional<Record> latestOfNib(String nib) {
        return jdbc.sql(LATEST_OF_NIB).param(nib).query(this::record).optional();
    }

    List<Record> records(String keyPrefix, int limit) {
        return jdbc.sql("SELECT " + RECORD + " FROM oss_sandbox_record WHERE idem_key LIKE ? ORDER BY created_at DESC LIMIT ?")
                .params(escape(keyPrefix == null ? "" : keyPrefix) + "%", limit).query(this::record).list();
    }

    void log(String method, String key, int httpStatus, int kode, String outcome, Instant at, String payload) {
        jdbc.sql("INSERT INTO oss_sandbox_request (id, seq, method, idem_key, http_status, kode, outcome, received_at,"
                        + " payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(TimeOrderedIds.next(at), seq.incrementAndGet(), method, key, httpStatus, kode,
                        outcome.length() > 200 ? outcome.substring(0, 200) : outcome, Timestamp.from(at), cut(payload))
                .update();
    }

    List<Received> requests(String keyPrefix, int limit) {
        return jdbc.sql("SELECT seq, method, idem_key, http_status, kode, outcome, received_at, payload"
                        + " FROM oss_sandbox_request WHERE COALESCE(idem_key, '') LIKE ? ORDER BY seq DESC LIMIT ?")
                .params(escape(keyPrefix == null ? "" : keyPrefix) + "%", limit)
                .query((rs, n) -> new Received(rs.getLong("seq"), rs.getString("method"), rs.getString("idem_key"),
                        rs.getInt("http_status"), rs.getInt("kode"), rs.getString("outcome"),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("payload")))
                .list();
    }

    private Record record(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Record(rs.getString("id"), rs.getString("idem_key"), rs.getString("method"), rs.getString("id_izin"),
                rs.getString("nib"), rs.getString("kd_status"), rs.getString("payload"), rs.getString("answer"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String cut(String s) {
        return s == null || s.length() <= 8000 ? s : s.substring(0, 8000);
    }
}
