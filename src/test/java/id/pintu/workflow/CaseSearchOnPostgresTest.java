package id.pintu.workflow;

import id.pintu.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same searches on a real PostgreSQL server: its LIKE, ESCAPE and indexes answer as H2's. */
class CaseSearchOnPostgresTest extends CaseSearchTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "pintu_case_search");
    }
}
