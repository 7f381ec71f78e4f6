package id.pintu.workflow;

import id.pintu.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same walks on a real PostgreSQL server: schema, conditional updates and outbox behave as on H2. */
class BothBranchesOnPostgresTest extends BothBranchesEndToEndTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "pintu_branches");
    }
}
