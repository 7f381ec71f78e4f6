package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Releasing a case's waiting events (once per document made) finds them by the case's index, not by walking every
 * event whose time lies ahead: at full load that is every event a relay holds or leases.
 */
@HubTest
class OutboxReleaseFindsItsCaseByIndexTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void bothFormsOfTheReleaseUseTheCaseIndex() {
        Timestamp now = Timestamp.from(Instant.now());
        String anyOutput = jdbc.sql("EXPLAIN " + OutboxRepository.releaseSql(true))
                .param("now", now).param("case", "x").query(String.class).single();
        String named = jdbc.sql("EXPLAIN " + OutboxRepository.releaseSql(false))
                .param("now", now).param("case", "x").param("outputs", List.of("document:surat-izin"))
                .query(String.class).single();

        assertThat(anyOutput).containsIgnoringCase("outbox_case").doesNotContainIgnoringCase("outbox_available");
        assertThat(named).containsIgnoringCase("outbox_case").doesNotContainIgnoringCase("outbox_available");
    }
}
