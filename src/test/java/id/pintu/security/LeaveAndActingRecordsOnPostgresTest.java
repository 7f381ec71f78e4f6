package id.pintu.security;

import id.pintu.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on a real PostgreSQL server: its DATE columns take and give the days as H2's do. */
class LeaveAndActingRecordsOnPostgresTest extends LeaveAndActingRecordsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "pintu_staff_leave");
    }
}
