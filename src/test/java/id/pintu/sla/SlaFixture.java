package id.pintu.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.pintu.calendar.CalendarProperties;
import id.pintu.calendar.OfficeCalendar;
import id.pintu.documents.DocumentStore;
import id.pintu.mail.MailAttachments;
import id.pintu.mail.MailMetrics;
import id.pintu.mail.MailOutbox;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopProperties;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseEvents;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.OutboxRelay;
import id.pintu.workflow.OutboxRelayProperties;
import id.pintu.workflow.OutboxRepository;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.TaskStatus;
import id.pintu.workflow.WorkflowProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA's beans built by hand on a given database, as one hub instance would have them; several fixtures on one
 * database stand for several hub instances.
 */
final class SlaFixture {

    static final String SOP = "izin-perluasan-usaha-industri";

    final JdbcClient jdbc;
    final TransactionTemplate tx;
    final SopCatalog catalog;
    final OfficeCalendar calendar;
    final ApplicationRepository applications;
    final TaskRepository tasks;
    final OutboxRepository outbox;
    final EscalationRepository escalations;
    final SlaProperties properties;
    final EscalationScanner scanner;
    /** What this fixture's scanner counted (each fixture is one hub instance). */
    final SimpleMeterRegistry meters;

    SlaFixture(DataSource ds, MutableClock clock, String hoursFile) {
        jdbc = JdbcClient.create(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        catalog = new SopCatalog(new SopProperties(Path.of("config/sop"), Path.of("config/actors.yaml"), SOP, Duration.ofSeconds(30), Duration.ZERO),
                Validation.buildDefaultValidatorFactory().getValidator());
        calendar = new OfficeCalendar(new CalendarProperties(Path.of("config/calendar"), Path.of(hoursFile), Duration.ZERO, Duration.ofDays(92)), clock);
        applications = new ApplicationRepository(jdbc);
        tasks = new TaskRepository(jdbc);
        outbox = new OutboxRepository(jdbc);
        escalations = new EscalationRepository(jdbc);
        properties = new SlaProperties("0/30 * * * * ?", 0.8, Duration.ofDays(30), 500, 50, "pintu.reminder.",
                "pintu.escalation.", Path.of("config/supervision.yaml"), 10, false, Duration.ofHours(7),
                ZoneId.of("Asia/Jakarta"));
        WorkflowProperties workflow = new WorkflowProperties("pintu.actor.", 2, 100, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 200, "P10D", "front-office", "pintu.events", Duration.ofMinutes(1),
                Duration.ofHours(1));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // No Camel here: the relay's wake-up has no producer and is skipped; the rows stay in the outbox to be read.
        OutboxRelay relay = new OutboxRelay(outbox, null, clock, workflow, new OutboxRelayProperties(4, 100,
                Duration.ofSeconds(10), new OutboxRelayProperties.Outside(List.of(MailOutbox.KIND), 4),
                Duration.ofMillis(100), Duration.ofMinutes(1)), tx);
        CaseEvents events = new CaseEvents(outbox, relay, json);
        meters = new SimpleMeterRegistry();
        // Escalation mails attach no document, so the mail settings (the wait for an attachment) are not needed.
        MailOutbox mail = new MailOutbox(events, new MailAttachments(new DocumentStore(jdbc, clock)), relay,
                new MailMetrics(meters), null, clock, outbox);
        Supervision supervision = Supervision.load(properties.supervisionFile(), catalog);
        scanner = new EscalationScanner(escalations, applications, events, mail, calendar,
                catalog, supervision, new BreachRecipient(supervision, null), properties, tx, clock, meters,
                "http://pintu.test/permohonan/");
    }

    static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    Application application(int i, Instant submitted, CaseStatus status) {
        Application a = new Application(UUID.randomUUID().toString(), "PTU-26-T" + String.format("%06d", i), SOP, 1,
                status, "api", new Application.Applicant("Pemohon " + i, "p" + i + "@contoh.co.id", null),
                new Application.Company("PT Uji " + i, "9120001234567", "012345678901000", "Sidikalang", "10761"),
                null, submitted, submitted, null);
        applications.insert(a, "x".repeat(64));
        return a;
    }

    Task openTask(Application a, int step, String actor, Instant entered, Instant due) {
        Task t = new Task(UUID.randomUUID().toString(), a.id(), step, "Langkah " + step, actor, TaskKind.STEP,
                TaskStatus.OPEN, null, entered, due, null, null, null, null, null, null);
        tasks.insert(t);
        return t;
    }
}
