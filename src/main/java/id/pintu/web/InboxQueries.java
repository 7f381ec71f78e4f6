package id.pintu.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models of the pages over the task table, which is the projection of the actor queues: every task message
 * taken off an actor's queue is a row here, so an inbox lists exactly what the queue delivered.
 */
@Component
class InboxQueries {

    private final JdbcClient jdbc;
    private final TaskSchema schema;
    private final SlaClock sla;
    private final WebProperties properties;

    InboxQueries(JdbcClient jdbc, TaskSchema schema, SlaClock sla, WebProperties properties) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.sla = sla;
        this.properties = properties;
    }

    /**
     * One inbox page: the database filters and orders the actor's open tasks and the page takes the first
     * {@code pintu.web.inbox-limit} of them, so "newest first", a search or "mine" see every open task, not only the
     * oldest ones. The two colours the calendar decides (on time, due soon) are told apart here, after the database
     * has kept the tasks that are neither escalated nor late; the next rows are read until the page is full.
     */
    InboxPage inbox(String actor, InboxFilter filter, String username) {
        List<Object> params = new ArrayList<>(List.of(actor));
        StringBuilder where = new StringBuilder("t.actor = ?");
        if (filter.q() != null) {
            String like = "%" + likeLiteral(filter.q().toLowerCase(Locale.ROOT)) + "%";
            where.append(" AND (LOWER(a.tracking_code) LIKE ? ESCAPE '!' OR LOWER(a.company_name) LIKE ? ESCAPE '!'"
                    + " OR LOWER(a.applicant_name) LIKE ? ESCAPE '!')");
            params.addAll(List.of(like, like, like));
        }
        if (filter.step() != null) {
            where.append(" AND t.step_no = ?");
            params.add(filter.step());
        }
        if ("mine".equals(filter.holder())) {
            where.append(" AND t.claimed_by = ?");
            params.add(username);
        } else if ("free".equals(filter.holder())) {
            where.append(" AND t.claimed_by IS NULL");
        }
        if (filter.sop() != null) {
            where.append(" AND a.sop_code = ?");
            params.add(filter.sop());
        }
        SlaState state = filter.state();
        if (state != null) {
            String level = schema.escalationExpression("t");
            where.append(switch (state) {
                case ESCALATED -> " AND " + level + " > 0";
                case OVERDUE -> " AND " + level + " = 0 AND t.due_at < ?";
                default -> " AND " + level + " = 0 AND t.due_at >= ?";
            });
            if (state != SlaState.ESCALATED) {
                params.add(Timestamp.from(sla.now()));
            }
        }
        int limit = properties.inboxLimit();
        List<InboxRow> rows = new ArrayList<>();
        boolean more = false;
        int offset = 0;
        while (!more) {
            List<InboxRow> batch = openTasks(where.toString(), filter.orderBy(), limit + 1, offset, params);
            for (InboxRow r : batch) {
                if (state != null && r.state() != state) {
                    continue;
                }
                if (rows.size() == limit) {
                    more = true;
                    break;
                }
                rows.add(r);
            }
            if (batch.size() <= limit) {
                break;
            }
            offset += batch.size();
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM task WHERE actor = ? AND status = 'OPEN'").param(actor)
                .query(Long.class).single();
        List<Integer> steps = jdbc.sql("SELECT DISTINCT step_no FROM task WHERE actor = ? AND status = 'OPEN'"
                + " ORDER BY step_no").param(actor).query(Integer.class).list();
        List<String> sops = jdbc.sql("SELECT DISTINCT a.sop_code FROM task t JOIN application a"
                + " ON a.id = t.application_id WHERE t.actor = ? AND t.status = 'OPEN' ORDER BY a.sop_code")
                .param(actor).query(String.class).list();
        return new InboxPage(rows, total, more, steps, sops);
    }

    /**
     * Open tasks past their deadline or escalated, of every actor but the applicant (a clarification waiting, a letter
     * not yet confirmed as received: the applicant's time, not the office's lateness), latest deadline last.
     */
    List<InboxRow> overdue(String applicantActor) {
        return openTasks("(t.due_at < ? OR " + schema.escalationExpression("t") + " > 0) AND t.actor <> ?",
                "t.due_at, t.id", properties.inboxLimit(), 0, List.of(Timestamp.from(sla.now()), applicantActor));
    }

    /** The open tasks of one case (one, or a clarification beside its step), as the inboxes show them. */
    List<InboxRow> ofCase(String applicationId) {
        return openTasks("t.application_id = ?", "t.entered_at, t.id", properties.inboxLimit(), 0,
                List.of(applicationId));
    }

    /** One task's escalation level, as the inbox colours its row (0 where the SLA feature keeps none). */
    int escalationLevel(String taskId) {
        return jdbc.sql("SELECT " + schema.escalationExpression("t") + " FROM task t WHERE t.id = ?").param(taskId)
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * A short fingerprint of an inbox: it changes when a task enters, leaves or is claimed, or an applicant's email
     * arrives or is answered.
     */
    String signature(String actor) {
        List<String> parts = jdbc.sql("SELECT id, claimed_by FROM task WHERE actor = ? AND status = 'OPEN'"
                        + " ORDER BY id")
                .param(actor)
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
                .list();
        // An applicant's email arriving or answered changes a row's badge
        long messages = jdbc.sql("SELECT COUNT(*) FROM applicant_message WHERE handled_at IS NULL").query(Long.class)
                .single();
        return Integer.toHexString(String.join(",", parts).hashCode()) + "-" + parts.size() + "-" + messages;
    }

    /** A text searched for as itself in {@code LIKE ... ESCAPE '!'}: its wildcards match only themselves. */
    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private List<InboxRow> openTasks(String where, String orderBy, int limit, int offset, List<Object> params) {
        return jdbc.sql("SELECT t.id, t.application_id, t.actor, t.step_no, t.step_name, t.kind, t.entered_at, t.due_at,"
                        + " t.claimed_by, a.tracking_code, a.applicant_name, a.company_name, a.sop_code, "
                        + schema.escalationExpression("t") + " AS escalation,"
                        + " (SELECT COUNT(*) FROM applicant_message m WHERE m.application_id = t.application_id"
                        + " AND m.handled_at IS NULL) AS messages"
                        + " FROM task t JOIN application a ON a.id = t.application_id"
                        + " WHERE t.status = 'OPEN' AND " + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")
                .params(params)
                .param(limit)
                .param(offset)
                .query(this::row)
                .list();
    }

    private InboxRow row(ResultSet rs, int n) throws SQLException {
        Instant entered = rs.getTimestamp("entered_at").toInstant();
        Instant due = rs.getTimestamp("due_at").toInstant();
        int level = rs.getInt("escalation");
        return new InboxRow(rs.getString("id"), rs.getString("application_id"), rs.getString("actor"),
                rs.getString("tracking_code"),
                rs.getInt("step_no"), rs.getString("step_name"), rs.getString("kind"), entered, due,
                rs.getString("claimed_by"), rs.getString("applicant_name"), rs.getString("company_name"), level,
                sla.state(entered, due, level), sla.left(due), rs.getString("sop_code"), rs.getInt("messages"));
    }
}
