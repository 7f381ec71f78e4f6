package id.pintu.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.sla.MutableClock;
import id.pintu.sla.SlaProperties;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopProperties;
import id.pintu.calendar.CalendarProperties;
import id.pintu.calendar.OfficeCalendar;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a known set of tasks the evaluation reports the right working-time figures: median (mean of the middle two),
 * nearest-rank 90th percentile, maximum, on-time share, escalations and cases finished per result, counting only
 * what fell in the period; CSV and PDF carry the same figures.
 */
class SopEvaluationFiguresTest {

    static final String SOP = "izin-perluasan-usaha-industri";
    static final Instant T0 = Instant.parse("2026-07-06T01:00:00Z"); // Monday 08:00 WIB

    final JdbcClient jdbc = database();
    final MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(30)));
    final SopCatalog catalog = new SopCatalog(
            new SopProperties(Path.of("config/sop"), Path.of("config/actors.yaml"), SOP, Duration.ofSeconds(30), Duration.ZERO),
            Validation.buildDefaultValidatorFactory().getValidator());
    final SlaProperties properties = new SlaProperties("0/30 * * * * ?", 0.8, Duration.ofDays(30), 500, 50,
            "pintu.reminder.", "pintu.escalation.", Path.of("config/supervision.yaml"), 10, false,
            Duration.ofHours(7), ZoneId.of("Asia/Jakarta"));

    @Test
    void figuresOfStepTwoOnTheOfficeCalendar() throws Exception {
        OfficeCalendar calendar = new OfficeCalendar(
                new CalendarProperties(Path.of("config/calendar"), Path.of("office-hours.yaml"), Duration.ZERO, Duration.ofDays(92)), clock);
        // Step 2 (2 Jam): 30, 60, 90 working minutes on Monday morning; one entered Monday 15:00 and finished
        // Tuesday 09:30 = 60 + 90 = 150 working minutes (the night does not count), past its due date.
        String a1 = app("ISSUED", T0.plus(Duration.ofDays(2)));
        String a2 = app("REJECTED", T0.plus(Duration.ofDays(3)));
        String a3 = app("IN_PROGRESS", null);
        String a4 = app("ISSUED", T0.plus(Duration.ofDays(60))); // closed after the period
        task(a1, 2, "front-office", T0, T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofHours(2)));
        task(a2, 2, "front-office", T0, T0.plus(Duration.ofMinutes(60)), T0.plus(Duration.ofHours(2)));
        task(a3, 2, "front-office", T0, T0.plus(Duration.ofMinutes(90)), T0.plus(Duration.ofHours(2)));
        Instant monday1500 = T0.plus(Duration.ofHours(7));
        String late = task(a4, 2, "front-office", monday1500, monday1500.plus(Duration.ofHours(18).plusMinutes(30)),
                monday1500.plus(Duration.ofHours(18)));
        // Step 5: one task, and one completed outside the period that must not count.
        task(a1, 5, "backoffice", T0, T0.plus(Duration.ofMinutes(45)), T0.plus(Duration.ofHours(2)));
        task(a2, 5, "backoffice", T0.minus(Duration.ofDays(40)), T0.minus(Duration.ofDays(40)).plus(Duration.ofHours(5)),
                T0.minus(Duration.ofDays(39)));
        // Step 5 of a case on an older version of the SOP, whose step 5 was the secretary's: counted in the row of
        // step 5 all the same (the row once matched the newest version's actor only, and lost it)
        String older = task(a3, 5, "sekretaris", T0, T0.plus(Duration.ofMinutes(15)), T0.plus(Duration.ofHours(2)));
        escalation(older, a3, 5, "sekretaris", 1, "sekretaris", T0.plus(Duration.ofMinutes(10)));
        escalation(late, a4, 2, "front-office", 1, "front-office", monday1500.plus(Duration.ofHours(17)));
        escalation(late, a4, 2, "front-office", 2, "backoffice", monday1500.plus(Duration.ofHours(18)));

        SopEvaluation e = new SopEvaluationService(jdbc, catalog, calendar, properties, clock)
                .evaluate(SOP, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31));

        SopEvaluation.StepFigures two = step(e, 2);
        assertThat(two.completed()).isEqualTo(4);
        assertThat(two.mutuBakuMinutes()).isEqualTo(120);
        assertThat(two.medianMinutes()).isEqualTo(75.0);
        assertThat(two.p90Minutes()).isEqualTo(150.0);
        assertThat(two.maxMinutes()).isEqualTo(150.0);
        assertThat(two.onTimeShare()).isEqualTo(0.75);
        assertThat(two.reminders()).isEqualTo(1);
        assertThat(two.breaches()).isEqualTo(1);
        SopEvaluation.StepFigures five = step(e, 5);
        assertThat(five.completed()).isEqualTo(2);
        assertThat(five.medianMinutes()).isEqualTo(30.0);
        assertThat(five.onTimeShare()).isEqualTo(1.0);
        assertThat(five.reminders()).isEqualTo(1);
        assertThat(step(e, 8).completed()).isZero();
        assertThat(step(e, 8).mutuBakuMinutes()).as("1 Hari at 7 working hours").isEqualTo(420);
        assertThat(step(e, 8).medianMinutes()).isNull();
        SopEvaluation.ActorFigures fo = e.actors().stream().filter(a -> a.actor().equals("front-office")).findFirst()
                .orElseThrow();
        assertThat(fo.completed()).isEqualTo(4);
        assertThat(fo.breaches()).as("breaches count against the actor whose task it was").isEqualTo(1);
        assertThat(fo.reminders()).isEqualTo(1);
        assertThat(e.finishedByStatus()).containsOnly(java.util.Map.entry("ISSUED", 1),
                java.util.Map.entry("REJECTED", 1));

        String csv = SopEvaluationCsv.write(e);
        assertThat(csv).contains("langkah,2,Menerima dan memeriksa kelengkapan berkas,front-office,2 Jam,120,4,75.0,"
                + "150.0,150.0,75.0,1,1");
        assertThat(csv).contains("hasil,,ISSUED,,,,1");

        byte[] pdf = SopEvaluationPdf.write(e, properties.zone());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("LAPORAN MONITORING DAN EVALUASI", "Periode: 1 Juli 2026 s.d. 31 Juli 2026",
                    "Grafik mutu baku", "Izin diterbitkan (ISSUED): 1", "75.0");
        }
    }

    private static SopEvaluation.StepFigures step(SopEvaluation e, int no) {
        return e.steps().stream().filter(s -> s.step() == no).findFirst().orElseThrow();
    }

    private String app(String status, Instant closed) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO application (id, tracking_code, token_hash, sop_code, sop_version, status, channel,"
                        + " applicant_name, applicant_email, company_name, company_nib, company_npwp, company_address,"
                        + " company_kbli, submitted_at, updated_at, closed_at)"
                        + " VALUES (?, ?, 'x', ?, 1, ?, 'api', 'P', 'p@contoh.co.id', 'PT', '9120001234567',"
                        + " '012345678901000', 'Sidikalang', '10761', ?, ?, ?)")
                .params(id, id.substring(0, 12), SOP, status, ts(T0), ts(T0), closed == null ? null : ts(closed))
                .update();
        return id;
    }

    private String task(String app, int step, String actor, Instant entered, Instant completed, Instant due) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO task (id, application_id, step_no, step_name, actor, kind, status, entered_at, due_at,"
                        + " completed_at, completed_by) VALUES (?, ?, ?, 'x', ?, 'STEP', 'COMPLETED', ?, ?, ?, ?)")
                .params(id, app, step, actor, ts(entered), ts(due), ts(completed), actor)
                .update();
        return id;
    }

    private void escalation(String task, String app, int step, String actor, int level, String notified, Instant at) {
        jdbc.sql("INSERT INTO escalation (task_id, level, application_id, step_no, actor, notified_actor, queue, due_at,"
                        + " escalated_at) VALUES (?, ?, ?, ?, ?, ?, 'q', ?, ?)")
                .params(task, level, app, step, actor, notified, ts(at), ts(at))
                .update();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static JdbcClient database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(ds);
    }
}
