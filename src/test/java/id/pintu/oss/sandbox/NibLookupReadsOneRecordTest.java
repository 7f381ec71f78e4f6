package id.pintu.oss.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox answers every case's NIB check (step 4) from the newest record of the NIB. A company with many
 * records (the benchmark's cases all share one NIB) must cost one index entry, not a read and sort of them all.
 */
class NibLookupReadsOneRecordTest {

    private static final String NIB = "9120001234567";

    @Test
    void theNewestRecordOfANibIsReadWithoutScanningTheOthers() {
        JdbcClient jdbc = database();
        Instant start = Instant.parse("2026-01-05T01:00:00Z");
        jdbc.sql("INSERT INTO oss_sandbox_record (id, idem_key, method, id_izin, nib, kd_status, payload, answer,"
                        + " created_at) SELECT 'r' || x, 'k' || x, 'receiveLicenseStatus', 'izin-' || x, ?, '10',"
                        + " '{\"npwp\":\"old\"}', '{}', DATEADD('SECOND', x, CAST(? AS TIMESTAMP WITH TIME ZONE))"
                        + " FROM (SELECT \"X\" AS x FROM SYSTEM_RANGE(1, 3000)) g")
                .params(NIB, Timestamp.from(start))
                .update();
        jdbc.sql("INSERT INTO oss_sandbox_record (id, idem_key, method, id_izin, nib, kd_status, payload, answer,"
                        + " created_at) VALUES ('other', 'k-other', 'receiveLicenseStatus', 'izin-other',"
                        + " '9120009999999', '10', '{\"npwp\":\"other\"}', '{}', ?)")
                .param(Timestamp.from(start.plusSeconds(7200)))
                .update();
        SandboxRepository repository = new SandboxRepository(jdbc);
        repository.insert(new SandboxRepository.Record(UUID.randomUUID().toString(), "k-newest",
                "receiveLicenseStatus", "izin-newest", NIB, "10", "{\"npwp\":\"newest\"}", "{}",
                start.plusSeconds(3600)));

        assertThat(repository.latestOfNib(NIB)).get()
                .satisfies(r -> assertThat(r.key()).isEqualTo("k-newest"))
                .satisfies(r -> assertThat(r.payload()).contains("newest"));
        assertThat(repository.latestOfNib("9120000000000")).isEmpty();

        String plan = jdbc.sql("EXPLAIN ANALYZE " + SandboxRepository.LATEST_OF_NIB).param(NIB)
                .query(String.class).single();
        assertThat(plan).contains("/* index sorted */").contains("scanCount: 1 */");
    }

    private static JdbcClient database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(ds);
    }
}
