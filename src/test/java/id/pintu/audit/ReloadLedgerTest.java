package id.pintu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The bookkeeping the staff and SOP-file reloads share, on a real H2 database that can be taken away: a change is in
 * force (and the last one) even when its audit record cannot be written, the record follows at the next reload in
 * order, a refusal still writes what is owed and carries a database failure as suppressed, and one problem is logged
 * once however many checks find it.
 */
class ReloadLedgerTest {

    record Change(String name) {}

    /** Fails every new connection while {@code away}: the database is unreachable. */
    static class Outage extends DelegatingDataSource {
        volatile boolean away;

        Outage(JdbcDataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (away) {
                throw new SQLTransientConnectionException("database away");
            }
            return super.getConnection();
        }
    }

    @Test
    void aChangeIsInForceWhileItsRecordWaitsForTheDatabaseAndOneProblemIsLoggedOnce() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        Outage db = new Outage(h2);
        JdbcClient jdbc = JdbcClient.create(db);
        AuditTrail audit = new AuditTrail(jdbc, new JdbcTemplate(db), Clock.systemUTC(), new ObjectMapper());
        Logger log = (Logger) LoggerFactory.getLogger("reload-ledger-test");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        ReloadLedger<Change> ledger = new ReloadLedger<>(audit,
                c -> new AuditTrail.Record("test-check", "TEST_RELOADED", null, "test", null,
                        Map.of("summary", c.name()), null),
                log, "A test file cannot be used.");
        assertThat(ledger.last()).isNull();

        db.away = true;
        ledger.changed(new Change("first"));
        assertThatThrownBy(() -> ledger.finish(List.of(), IllegalStateException::new))
                .as("the record cannot be written").isInstanceOf(DataAccessException.class);
        assertThat(ledger.last()).as("in force all the same").isEqualTo(new Change("first"));
        ledger.changed(new Change("second"));
        assertThatThrownBy(() -> ledger.finish(List.of("test.yaml: line 3: bad"), IllegalStateException::new))
                .isInstanceOf(IllegalStateException.class).hasMessage("test.yaml: line 3: bad")
                .satisfies(e -> assertThat(e.getSuppressed()).as("the database, too")
                        .singleElement().isInstanceOf(DataAccessException.class));
        assertThat(ledger.problem()).isEqualTo("test.yaml: line 3: bad");

        db.away = false;
        assertThat(recorded(jdbc)).as("nothing written while away").isEmpty();
        assertThatThrownBy(() -> ledger.finish(List.of("test.yaml: line 3: bad"), IllegalStateException::new))
                .as("still refused").isInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
        assertThat(recorded(jdbc)).as("what is owed, in order, though refused").containsExactly("first", "second");
        assertThat(logged.list).as("one problem, logged once over two checks").singleElement()
                .satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.WARN);
                    assertThat(e.getFormattedMessage()).isEqualTo("A test file cannot be used. test.yaml: line 3: bad");
                });

        ledger.changed(new Change("third"));
        ledger.finish(List.of(), IllegalStateException::new);
        assertThat(ledger.problem()).as("mended").isNull();
        assertThat(ledger.last()).isEqualTo(new Change("third"));
        assertThat(recorded(jdbc)).containsExactly("first", "second", "third");
        ledger.finish(List.of(), IllegalStateException::new);
        assertThat(recorded(jdbc)).as("each record once").hasSize(3);
        log.detachAppender(logged);
    }

    private static List<String> recorded(JdbcClient jdbc) {
        return jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'TEST_RELOADED' ORDER BY seq")
                .query(String.class).list().stream()
                .map(s -> s.replaceAll(".*\"summary\":\"([^\"]*)\".*", "$1"))
                .toList();
    }
}
