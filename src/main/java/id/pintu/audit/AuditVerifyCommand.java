package id.pintu.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Verifies the audit chain straight from the database, without starting the hub (for example on a copy of a
 * backup): {@code --url JDBC-URL [--user U] [--password P]}. Prints the result; exit code 0: intact, 2: broken
 * (the first broken entry is named), 1: bad arguments or the database cannot be read.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        String user = System.getenv("PINTU_DB_USER");
        String password = System.getenv("PINTU_DB_PASSWORD");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                default -> {
                    err.println("unknown option " + args[i]);
                    return 1;
                }
            }
        }
        if (url == null || args.length % 2 != 0) {
            err.println("usage: --url JDBC-URL [--user U] [--password P] (or PINTU_DB_USER / PINTU_DB_PASSWORD)");
            return 1;
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            ChainVerifier.Result r = verify(c);
            if (r.ok()) {
                out.println("audit chain intact: " + r.entries() + " entries");
                return 0;
            }
            out.println("audit chain BROKEN at entry " + r.brokenSeq() + ": " + r.problem());
            return 2;
        } catch (SQLException e) {
            err.println("cannot read the audit log: " + e.getMessage());
            return 1;
        }
    }

    /**
     * As {@link AuditTrail#verify()}: the head first, then the entries up to it, then whether an entry lies past the
     * head read after it. Reading the rows before the head made a check beside the running hub (every statement its
     * own snapshot on PostgreSQL) report a whole chain as ending before its head.
     */
    static ChainVerifier.Result verify(Connection c) throws SQLException {
        Head head = head(c);
        ChainVerifier verifier = new ChainVerifier();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, action, application_id, subject,"
                + " before_json, after_json, event_id, prev_hash, hash FROM audit_log WHERE seq <= ? ORDER BY seq")) {
            s.setFetchSize(500);
            s.setLong(1, head.seq());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && verifier.accept(AuditTrail.map(rs))) {
                    // accept() stops at the first broken entry
                }
            }
        }
        ChainVerifier.Result result = verifier.finish(head.seq(), head.hash());
        if (!result.ok()) {
            return result;
        }
        long last;
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(seq) FROM audit_log");
                ResultSet rs = s.executeQuery()) {
            last = rs.next() ? rs.getLong(1) : 0;
        }
        long now = head(c).seq();
        return last <= now ? result : new ChainVerifier.Result(false, result.entries(), last, "entry " + last
                + " lies past the head of the chain (" + now + "): added without the chain");
    }

    private record Head(long seq, String hash) {}

    private static Head head(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head has no row");
            }
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }
}
