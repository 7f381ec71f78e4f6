package id.pintu.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The office adds a holiday of the SKB to its calendar file while cases run: the hub puts it in force without a
 * restart, the open tasks whose time runs over it are due a working day later, new tasks count it, and the change is
 * in the audit trail. A file the office cannot run on is refused with its problem and changes nothing.
 */
@HubTest
@Import(SlaTestClock.class)
class CalendarChangedWhileRunningTest {

    static final Path CALENDAR;

    static {
        try {
            CALENDAR = Files.createTempDirectory("pintu-calendar");
            try (Stream<Path> files = Files.list(Path.of("config/calendar"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, CALENDAR.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void calendar(DynamicPropertyRegistry registry) {
        registry.add("pintu.calendar.directory", CALENDAR::toString);
        registry.add("pintu.calendar.check-interval", () -> "300ms");
    }

    /** Monday 4 January 2027, 15:00 WIB: one working hour left that day. */
    static final Instant MONDAY_AFTERNOON = Instant.parse("2027-01-04T08:00:00Z");
    /** Step 2 (2 Jam): one hour on Monday, the second from 08:00 WIB on the next working day. */
    static final Instant DUE_TUESDAY = Instant.parse("2027-01-05T02:00:00Z");
    static final Instant DUE_WEDNESDAY = Instant.parse("2027-01-06T02:00:00Z");

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    id.pintu.calendar.OfficeCalendar calendar;

    @Autowired
    DueDateRevision revision;

    @Autowired
    id.pintu.audit.AuditTrail audit;

    @Autowired
    CalendarRevisionRecord record;

    @Autowired
    id.pintu.calendar.CalendarProperties calendarProperties;

    @Test
    void aHolidayAddedToTheFileMovesTheOpenTasksAndCountsForNewOnes() throws IOException {
        clock.set(MONDAY_AFTERNOON);
        String before = api.submit(Api.application(801)).get("id").asText();
        assertThat(dueAt(api.awaitTask(before, 2))).isEqualTo(DUE_TUESDAY);

        Files.writeString(CALENDAR.resolve("holidays-2027.yaml"),
                "  - { date: 2027-01-05, type: LIBUR_NASIONAL, name: Isra Mikraj Nabi Muhammad S.A.W. }\n",
                StandardOpenOption.APPEND);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(dueAt(api.openTask(before).orElseThrow())).isEqualTo(DUE_WEDNESDAY));
        String after = api.submit(Api.application(802)).get("id").asText();
        assertThat(dueAt(api.awaitTask(after, 2))).as("a task entered after the change").isEqualTo(DUE_WEDNESDAY);

        JsonNode view = calendar("admin").body();
        assertThat(view.path("problem").asText(null)).as("no problem to show").isNull();
        assertThat(view.get("holidays").findValuesAsText("date")).contains("2027-01-05");
        // The shipped 2027 file still says complete: false (only the SKB's days are missing): named for this year.
        assertThat(view.get("incompleteYears").toString()).isEqualTo("[2027]");
        assertThat(view.get("gaps").toString()).isEqualTo("[{\"year\":2027,\"fileMissing\":false}]");
        JsonNode last = view.get("lastReload");
        assertThat(last.get("by").asText()).isEqualTo("calendar-check");
        assertThat(last.get("added").findValuesAsText("date")).containsExactly("2027-01-05");
        assertThat(last.get("tasks").get("later").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(last.get("tasks").get("earlier").asInt()).isZero();

        List<String> audited = jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'CALENDAR_RELOADED'")
                .query(String.class).list();
        assertThat(audited).anySatisfy(a -> assertThat(a).contains("2027-01-05").contains("\"tasksLater\""));

        Api.Response again = api.call(HttpMethod.POST, "/api/admin/calendar/reload", null, "admin");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("changed").asBoolean()).as("the files are in force already").isFalse();
    }

    /**
     * Files changed while every hub was stopped (the SKB's cuti bersama entered before a restart): the hub started on
     * them and never revised the open tasks, which kept the old calendar's due dates. The database records which files
     * the tasks were revised for; other files at a check revise them. Here the stop is played by the record: the task
     * carries a due date a day early, as the old files gave it, and the record names other files.
     */
    @Test
    void filesChangedWhileTheHubWasStoppedAreRevisedFor() {
        clock.set(MONDAY_AFTERNOON);
        String id = api.submit(Api.application(803)).get("id").asText();
        JsonNode task = api.awaitTask(id, 2);
        Instant due = dueAt(task);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM calendar_revision")
                .query(Long.class).single() == 1);
        jdbc.sql("UPDATE task SET due_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(due.minus(Duration.ofDays(1))), task.get("taskId").asText()).update();
        jdbc.sql("UPDATE calendar_revision SET fingerprint = 'files-before-the-restart'").update();

        // The hub starting again: its calendar read from the files, its first check
        CalendarReload started = new CalendarReload(calendar, revision, audit, clock, record, calendarProperties);
        CalendarReload.Outcome outcome = started.reload("calendar-check");
        assertThat(outcome.changed()).isTrue();
        assertThat(outcome.summary()).contains("while the hub was stopped");
        assertThat(dueAt(api.openTask(id).orElseThrow())).isEqualTo(due);
        assertThat(jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'CALENDAR_RELOADED'")
                .query(String.class).list()).anySatisfy(a -> assertThat(a).contains("while the hub was stopped"));
        // recorded after the second pass, at the next check
        assertThat(started.reload("calendar-check").changed()).isFalse();
        assertThat(jdbc.sql("SELECT fingerprint FROM calendar_revision").query(String.class).single())
                .isEqualTo(calendar.contentFingerprint());
        // Once per start: a record another hub writes later (its copy of the files differs) is not revised back
        jdbc.sql("UPDATE calendar_revision SET fingerprint = 'another-hubs-files'").update();
        assertThat(started.reload("calendar-check").changed()).isFalse();
    }

    @Test
    void aFileTheOfficeCannotRunOnIsRefusedAndChangesNothing() throws IOException {
        Path broken = CALENDAR.resolve("holidays-2028.yaml");
        try {
            Files.writeString(broken, "year: 2028\nholidays:\n"
                    + "  - { date: 2028-02-30, type: LIBUR_NASIONAL, name: Tanggal yang tidak ada }\n");
            Api.Response refused = api.call(HttpMethod.POST, "/api/admin/calendar/reload", null, "admin");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().toString()).contains("holidays-2028.yaml").contains("2028-02-30");
            assertThat(calendar("admin").body().get("problem").asText()).contains("holidays-2028.yaml");
            assertThat(calendar("admin").body().get("holidayYears").toString()).doesNotContain("2028");

            assertThat(api.call(HttpMethod.POST, "/api/admin/calendar/reload", null, "kadis").status())
                    .as("staff who are not IT").isEqualTo(403);
            assertThat(api.call(HttpMethod.GET, "/api/admin/calendar", null, "front-office").status())
                    .isEqualTo(403);
        } finally {
            Files.deleteIfExists(broken);
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(calendar("admin").body().path("problem").asText(null)).as("mended").isNull());
    }

    private Api.Response calendar(String user) {
        Api.Response r = api.call(HttpMethod.GET, "/api/admin/calendar", null, user);
        assertThat(r.status()).isEqualTo(200);
        return r;
    }

    private static Instant dueAt(JsonNode task) {
        return Instant.parse(task.get("dueAt").asText());
    }
}
