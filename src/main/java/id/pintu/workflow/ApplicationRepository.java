package id.pintu.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApplicationRepository {

    private static final String COLUMNS = "id, tracking_code, sop_code, sop_version, status, channel, applicant_name,"
            + " applicant_email, applicant_phone, company_name, company_nib, company_npwp, company_address,"
            + " company_kbli, description, submitted_at, updated_at, closed_at";

    private final JdbcClient jdbc;

    public ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Application a, String tokenHash) {
        jdbc.sql("INSERT INTO application (" + COLUMNS + ", token_hash, applicant_email_key) VALUES (:id, :tc, :sop,"
                        + " :ver, :status, :channel, :an, :ae, :ap, :cn, :nib, :npwp, :addr, :kbli, :descr, :sub, :upd,"
                        + " :closed, :token, :aekey)")
                .param("id", a.id())
                .param("tc", a.trackingCode())
                .param("sop", a.sopCode())
                .param("ver", a.sopVersion())
                .param("status", a.status().name())
                .param("channel", a.channel())
                .param("an", a.applicant().name())
                .param("ae", a.applicant().email())
                .param("ap", a.applicant().phone())
                .param("cn", a.company().name())
                .param("nib", a.company().nib())
                .param("npwp", a.company().npwp())
                .param("addr", a.company().address())
                .param("kbli", a.company().kbli())
                .param("descr", a.description())
                .param("sub", ts(a.submittedAt()))
                .param("upd", ts(a.updatedAt()))
                .param("closed", ts(a.closedAt()))
                .param("token", tokenHash)
                .param("aekey", emailKey(a.applicant().email()))
                .update();
    }

    public Optional<Application> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = ?").param(id).query(this::map).optional();
    }

    /**
     * The case's row, locked for the rest of the transaction: a correction of its data and the workflow's status
     * changes (which update the same row) take turns.
     */
    public Optional<Application> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = ? FOR UPDATE").param(id).query(this::map)
                .optional();
    }

    /** Replaces the applicant's and the company's details (a correction by staff). */
    public void correctParties(String id, Application.Applicant applicant, Application.Company company,
            Instant now) {
        jdbc.sql("UPDATE application SET applicant_name = :an, applicant_email = :ae, applicant_phone = :ap,"
                        + " applicant_email_key = :aekey, company_name = :cn, company_nib = :nib, company_npwp = :npwp,"
                        + " company_address = :addr, company_kbli = :kbli, updated_at = :now WHERE id = :id")
                .param("an", applicant.name())
                .param("ae", applicant.email())
                .param("ap", applicant.phone())
                .param("aekey", emailKey(applicant.email()))
                .param("cn", company.name())
                .param("nib", company.nib())
                .param("npwp", company.npwp())
                .param("addr", company.address())
                .param("kbli", company.kbli())
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    public Optional<Application> findByTrackingCode(String trackingCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE tracking_code = ?")
                .param(trackingCode)
                .query(this::map)
                .optional();
    }

    /** The case's tracking code alone (for log lines). */
    public Optional<String> trackingCode(String id) {
        return jdbc.sql("SELECT tracking_code FROM application WHERE id = ?").param(id).query(String.class).optional();
    }

    public Optional<String> tokenHash(String id) {
        return jdbc.sql("SELECT token_hash FROM application WHERE id = ?").param(id).query(String.class).optional();
    }

    /**
     * The cases staff look for by what an applicant tells them, newest first: a tracking code, a NIB (13 digits) or an
     * NPWP (15 or 16 digits) are matched exactly, each by its index; an email address exactly but without case (by
     * its lower-cased key, indexed); any other text is looked for, without case, in the company's and the applicant's
     * names and the tracking codes.
     * Blank text lists the newest cases. Narrowed to one status and one SOP when given.
     */
    public List<Application> search(String text, CaseStatus status, String sopCode, int limit) {
        String q = text == null ? "" : text.strip();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM application WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (q.matches("(?i)PTU-\\d{2}-[A-Z0-9]{7}")) {
            sql.append(" AND tracking_code = :q");
            params.put("q", q.toUpperCase(java.util.Locale.ROOT));
        } else if (q.matches("\\d{13}")) {
            sql.append(" AND company_nib = :q");
            params.put("q", q);
        } else if (q.matches("\\d{15,16}")) {
            sql.append(" AND company_npwp = :q");
            params.put("q", q);
        } else if (q.contains("@")) {
            // Addresses are kept as the applicant wrote them; compared by their lower-cased key (V80), indexed
            sql.append(" AND applicant_email_key = :q");
            params.put("q", emailKey(q));
        } else if (!q.isEmpty()) {
            sql.append(" AND (LOWER(company_name) LIKE :like ESCAPE '\\'")
                    .append(" OR LOWER(applicant_name) LIKE :like ESCAPE '\\'")
                    .append(" OR tracking_code LIKE :code ESCAPE '\\')");
            String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("like", "%" + escaped.toLowerCase(java.util.Locale.ROOT) + "%");
            params.put("code", "%" + escaped.toUpperCase(java.util.Locale.ROOT) + "%");
        }
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (sopCode != null) {
            sql.append(" AND sop_code = :sop");
            params.put("sop", sopCode);
        }
        sql.append(" ORDER BY submitted_at DESC, id DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /** An email address as the search compares it: without case (applicant_email_key). */
    static String emailKey(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Moves an open case to another open status; a closed case stays closed. */
    public boolean setOpenStatus(String id, CaseStatus status, Instant now) {
        return jdbc.sql("UPDATE application SET status = :status, updated_at = :now"
                        + " WHERE id = :id AND status IN ('IN_PROGRESS', 'AWAITING_APPLICANT') AND status <> :status")
                .param("status", status.name())
                .param("now", ts(now))
                .param("id", id)
                .update() == 1;
    }

    /** Closes an open case; false when it was already closed (so closing is idempotent). */
    public boolean close(String id, CaseStatus status, Instant now) {
        return jdbc.sql("UPDATE application SET status = :status, updated_at = :now, closed_at = :now"
                        + " WHERE id = :id AND status IN ('IN_PROGRESS', 'AWAITING_APPLICANT')")
                .param("status", status.name())
                .param("now", ts(now))
                .param("id", id)
                .update() == 1;
    }

    private Application map(ResultSet rs, int row) throws SQLException {
        return new Application(
                rs.getString("id"),
                rs.getString("tracking_code"),
                rs.getString("sop_code"),
                rs.getInt("sop_version"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("channel"),
                new Application.Applicant(
                        rs.getString("applicant_name"), rs.getString("applicant_email"), rs.getString("applicant_phone")),
                new Application.Company(
                        rs.getString("company_name"),
                        rs.getString("company_nib"),
                        rs.getString("company_npwp"),
                        rs.getString("company_address"),
                        rs.getString("company_kbli")),
                rs.getString("description"),
                instant(rs, "submitted_at"),
                instant(rs, "updated_at"),
                instant(rs, "closed_at"));
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
