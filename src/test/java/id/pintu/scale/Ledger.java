package id.pintu.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database and the broker say after a run, read directly (JDBC and JMS browsing), not through the hub:
 * doubled completions, leftover outbox rows, open tasks, escalations, and the depth of every actor queue.
 */
final class Ledger {

    private Ledger() {}

    /** The actor ids of config/actors.yaml: one durable queue each ({@code pintu.actor.<id>}). */
    static List<String> actors() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("config/actors.yaml").toFile());
        List<String> ids = new ArrayList<>();
        root.get("actors").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** (case, step) pairs completed more than once. */
    static long doubledSteps(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM (SELECT application_id, step_no FROM task WHERE status = 'COMPLETED'"
                + " GROUP BY application_id, step_no HAVING COUNT(*) > 1) d");
    }

    /** Tasks entered twice for one step of one case (a redelivered message that made a second inbox row). */
    static long doubledTasks(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM (SELECT application_id, step_no FROM task"
                + " GROUP BY application_id, step_no HAVING COUNT(*) > 1) d");
    }

    /**
     * Letter numbers of the agenda book (documents feature) taken twice, skipped in a sequence, or a second number
     * for one (case, letter type); 0 when the feature is absent.
     */
    static long doubledLetterNumbers(Connection c) throws SQLException {
        if (!tableExists(c, "agenda_entry")) {
            return 0;
        }
        return count(c, "SELECT COUNT(*) - COUNT(DISTINCT letter_number) FROM agenda_entry")
                + count(c, "SELECT COALESCE(SUM(m - n), 0) FROM (SELECT MAX(seq) AS m, COUNT(*) AS n FROM agenda_entry"
                        + " GROUP BY letter_type, agenda_year) g")
                + count(c, "SELECT COUNT(*) FROM (SELECT application_id, letter_type FROM agenda_entry"
                        + " GROUP BY application_id, letter_type HAVING COUNT(*) > 1) d");
    }

    static long outbox(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM outbox");
    }

    static long openTasks(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM task WHERE status = 'OPEN'");
    }

    static long applications(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM application");
    }

    static long unfinished(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM application WHERE status NOT IN ('ISSUED', 'REJECTED')");
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '" + table + "'") > 0;
    }

    /** "taskId/level" of every escalation row. */
    static List<String> escalations(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT task_id, level FROM escalation ORDER BY task_id, level")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "/" + rs.getInt(2));
            }
        }
        return out;
    }

    /** Depth of every actor queue, by actor. */
    static Map<String, Integer> actorQueueDepths(StandaloneBroker broker) throws IOException, JMSException {
        Map<String, Integer> depths = new LinkedHashMap<>();
        for (String actor : actors()) {
            depths.put(actor, broker.depth("pintu.actor." + actor));
        }
        return depths;
    }

    /** "taskId/level" of every escalation message waiting on the reminder and escalation queues. */
    static List<String> escalationMessages(StandaloneBroker broker) throws IOException, JMSException {
        List<String> out = new ArrayList<>();
        for (String actor : actors()) {
            for (String queue : List.of("pintu.reminder." + actor, "pintu.escalation." + actor)) {
                for (Message m : broker.browse(queue)) {
                    out.add(m.getStringProperty("PintuTaskId") + "/" + m.getObjectProperty("PintuSlaLevel"));
                }
            }
        }
        out.sort(String::compareTo);
        return out;
    }
}
