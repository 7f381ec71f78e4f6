package id.pintu.web;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the task table carries the escalation level column. Another feature may add it by migration; the pages
 * read it only when it is there. Asked once (migrations have run by the time a page is served).
 */
@Component
class TaskSchema {

    private final JdbcClient jdbc;
    private final WebProperties properties;
    private final AtomicReference<Boolean> escalation = new AtomicReference<>();

    TaskSchema(JdbcClient jdbc, WebProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    boolean hasEscalation() {
        Boolean known = escalation.get();
        if (known == null) {
            known = jdbc.sql("SELECT COUNT(*) FROM information_schema.columns"
                            + " WHERE LOWER(table_name) = 'task' AND LOWER(column_name) = LOWER(?)")
                    .param(properties.escalationColumn())
                    .query(Integer.class)
                    .single() > 0;
            escalation.set(known);
        }
        return known;
    }

    /** A SELECT expression for the level: the column, or 0 where it does not exist. */
    String escalationExpression(String alias) {
        return hasEscalation() ? "COALESCE(" + alias + "." + properties.escalationColumn() + ", 0)" : "0";
    }
}
