package id.pintu.documents;

import id.pintu.common.TimeOrderedIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agenda book of outgoing letters (buku agenda, SOP steps 13 and 21). A number is taken by an UPDATE of the
 * sequence row of its (letter type, year) in the transaction that records the entry: the row stays locked until
 * that commit, so concurrent takers queue behind it, and a rollback gives the number back (no gaps, no
 * duplicates, on every hub instance and after restarts). One entry per case and letter type: asking again
 * returns the number already given.
 */
@Component
public class AgendaBook {

    public record Entry(String id, String letterType, int year, long seq, String number, String applicationId,
            String documentKind, String subject, String addressee, Instant recordedAt, String recordedBy) {}

    private static final String COLUMNS = "id, letter_type, agenda_year, seq, letter_number, application_id,"
            + " document_kind, subject, addressee, recorded_at, recorded_by";

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;

    public AgendaBook(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a letter in the agenda book and returns its entry; must run inside the caller's transaction (the one
     * that also stores the numbered letter), so that a failure returns the number.
     */
    public Entry register(String letterType, String pattern, String applicationId, String documentKind,
            String subject, String addressee, Instant at, ZoneId zone, String by) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a number is taken inside the transaction that records its letter");
        }
        Optional<Entry> given = find(applicationId, letterType);
        if (given.isPresent()) {
            return given.get();
        }
        ZonedDateTime local = at.atZone(zone);
        int year = local.getYear();
        ensureSequence(letterType, year);
        int updated = jdbc.sql("UPDATE agenda_sequence SET last_seq = last_seq + 1 WHERE letter_type = ? AND agenda_year = ?")
                .params(letterType, year)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("agenda sequence " + letterType + "/" + year + " is missing");
        }
        // A concurrent first registration of the same case waited on the row lock above; it may have won.
        given = find(applicationId, letterType);
        if (given.isPresent()) {
            throw new DuplicateKeyException("case " + applicationId + " already has a " + letterType + " number");
        }
        long seq = jdbc.sql("SELECT last_seq FROM agenda_sequence WHERE letter_type = ? AND agenda_year = ?")
                .params(letterType, year)
                .query(Long.class)
                .single();
        String number = format(pattern, seq, local);
        Entry e = new Entry(TimeOrderedIds.next(at), letterType, year, seq, number, applicationId, documentKind,
                clip(subject, 500), clip(addressee, 500), at, by);
        jdbc.sql("INSERT INTO agenda_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.letterType(), e.year(), e.seq(), e.number(), e.applicationId(), e.documentKind(),
                        e.subject(), e.addressee(), Timestamp.from(at), by)
                .update();
        return e;
    }

    public Optional<Entry> find(String applicationId, String letterType) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agenda_entry WHERE application_id = ? AND letter_type = ?")
                .params(applicationId, letterType)
                .query(this::map)
                .optional();
    }

    public List<Entry> list(String letterType, Integer year) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM agenda_entry WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (letterType != null) {
            sql.append(" AND letter_type = ?");
            params.add(letterType);
        }
        if (year != null) {
            sql.append(" AND agenda_year = ?");
            params.add(year);
        }
        return jdbc.sql(sql.append(" ORDER BY letter_type, agenda_year, seq").toString())
                .params(params)
                .query(this::map)
                .list();
    }

    /** "503/{seq}/IUI/DPMPTSPK/{year}" with seq 7 in November 2026: "503/7/IUI/DPMPTSPK/2026". */
    static String format(String pattern, long seq, ZonedDateTime at) {
        return pattern.replace("{seq}", Long.toString(seq))
                .replace("{year}", Integer.toString(at.getYear()))
                .replace("{month}", String.format("%02d", at.getMonthValue()))
                .replace("{romanMonth}", IndonesianDates.romanMonth(at.getMonthValue()));
    }

    /** The year's sequence row, created in its own transaction so a lost race aborts nothing of the caller's. */
    private void ensureSequence(String letterType, int year) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM agenda_sequence WHERE letter_type = ? AND agenda_year = ?")
                .params(letterType, year).query(Integer.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(s -> jdbc.sql(
                            "INSERT INTO agenda_sequence (letter_type, agenda_year, last_seq) VALUES (?, ?, 0)")
                    .params(letterType, year)
                    .update());
        } catch (DuplicateKeyException e) {
            // Another instance created it first: fine, the UPDATE takes the next number from it.
        }
    }

    private static String clip(String s, int max) {
        String v = s == null ? "-" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }

    private Entry map(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getString("id"), rs.getString("letter_type"), rs.getInt("agenda_year"), rs.getLong("seq"),
                rs.getString("letter_number"), rs.getString("application_id"), rs.getString("document_kind"),
                rs.getString("subject"), rs.getString("addressee"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"));
    }
}
