package id.pintu.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailProperties;
import id.pintu.sla.MutableClock;
import id.pintu.sla.SlaTestClock;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.web.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The head of office's weekly report: a case received on Tuesday whose step 2 was completed a day past its mutu baku
 * counts in that week's figures (received, steps completed, steps late); on the next Monday the report of that week
 * goes by email to the Kadis's address in the supervision file, once, however often it is run. A Monday run missed
 * (the hub down at 07:00) is made up for later that week, once. A role nobody was given in the users file is named
 * once as such, on the dashboard too, not as a role whose holders are away.
 */
@HubTest
@Import(SlaTestClock.class)
// The catch-up route's own runs kept out of the way: the test calls catchUp() at the moments it sets
@TestPropertySource(properties = {"pintu.acting.file=src/test/resources/acting/plh-and-leave.yaml",
        "pintu.reports.weekly.catch-up-delay=1d"})
class WeeklyReportMailTest {

    /** The demo users but the survey team's: a role of an SOP that nobody was given. */
    @DynamicPropertySource
    static void usersWithoutTheSurveyTeam(DynamicPropertyRegistry registry) throws Exception {
        String demo = Files.readString(Path.of("config/users-demo.yaml"));
        int start = demo.indexOf("  - username: tim-survei-reklame");
        int end = demo.indexOf("  - username:", start + 1);
        Path file = Files.createDirectories(Path.of("target", "test-data")).resolve("users-" + UUID.randomUUID()
                + ".yaml");
        Files.writeString(file, demo.substring(0, start) + (end < 0 ? "" : demo.substring(end)));
        registry.add("pintu.security.users-file", file::toString);
    }

    /** The Kadis's role mailbox in config/supervision.yaml. */
    static final String KADIS = "kadis@dpmptsp.dairikab.go.id";
    static final LocalDate WEEK = LocalDate.parse("2027-03-15");
    /** Tuesday 16 March 2027, 08:00 WIB. */
    static final Instant TUESDAY = Instant.parse("2027-03-16T01:00:00Z");
    /** Wednesday 17 March 2027, 08:00 WIB: a day past step 2's two hours. */
    static final Instant WEDNESDAY = Instant.parse("2027-03-17T01:00:00Z");
    /** Monday 22 March 2027, 07:30 WIB: the next week. */
    static final Instant NEXT_MONDAY = Instant.parse("2027-03-22T00:30:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Api api;

    @Autowired
    WeeklyReport report;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CamelContext camel;

    @Test
    void lastWeeksFiguresGoToTheHeadOfOfficeOnce() throws Exception {
        clock.set(TUESDAY);
        WeeklyReport.Figures before = report.figures(WEEK);
        String id = api.submit(Api.application(871)).get("id").asText();
        api.awaitTask(id, 2);
        clock.set(WEDNESDAY);
        api.completeRejectBranchThrough(id, 2);
        api.awaitTask(id, 3);

        clock.set(NEXT_MONDAY);
        assertThat(report.lastWeek()).isEqualTo(WEEK);
        WeeklyReport.Figures after = report.figures(WEEK);
        assertThat(after.received() - before.received()).isEqualTo(1);
        // Step 1, the submission, is the applicant's own: not the office's work
        assertThat(after.stepsCompleted() - before.stepsCompleted()).as("step 2").isEqualTo(1);
        assertThat(after.stepsLate() - before.stepsLate()).as("step 2, a day late").isEqualTo(1);
        assertThat(after.overdueNow()).as("step 3, entered on Wednesday").isPositive();

        assertThat(report.send()).isEqualTo(1);
        MailTestSupport mail = new MailTestSupport(mailProperties);
        String subject = "[Pintu] Laporan mingguan 15 Maret 2027 - 21 Maret 2027";
        MailTestSupport.Received received = mail.awaitMail(KADIS, r -> r.subject().equals(subject));
        assertThat(received.text().replace("\r\n", "\n"))
                .startsWith("Yth. Kadis,")
                .contains("  Diterima minggu ini : " + after.received() + "\n")
                .contains("Langkah SOP yang diselesaikan minggu ini: " + after.stepsCompleted() + ", di antaranya "
                        + after.stepsLate() + " melewati mutu baku")
                .contains("  Tugas yang melewati batas waktu : " + after.overdueNow() + "\n")
                .contains("/dasbor");

        // Run again (a second hub, a retry): the week's mail is not sent twice
        assertThat(report.send()).isEqualTo(1);
        String key = WeeklyReport.TEMPLATE + ":" + WEEK + ":kadis";
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox WHERE payload LIKE ?")
                .param("%" + key + "%").query(Long.class).single() == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_sent WHERE dedup_key = ?").param(key).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(mail.inbox(KADIS).stream().filter(r -> r.subject().equals(subject))).hasSize(1);
        assertThat(camel.getRoute("report-weekly")).as("scheduled every Monday").isNotNull();
    }

    @Test
    void aMondayMissedWhileTheHubWasDownIsMadeUpForOnce() throws Exception {
        LocalDate week = LocalDate.parse("2027-04-05");
        String key = WeeklyReport.TEMPLATE + ":" + week + ":kadis";
        String subject = "[Pintu] Laporan mingguan 5 April 2027 - 11 April 2027";
        // Monday 12 April 2027, 06:30 WIB: this week's run (07:00) has not come yet
        clock.set(Instant.parse("2027-04-11T23:30:00Z"));
        assertThat(report.dueThisWeek()).isFalse();
        assertThat(report.catchUp()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE payload LIKE ?").param("%" + key + "%")
                .query(Long.class).single()).isZero();

        // Tuesday 13 April 2027, 09:00 WIB: the hub was down on Monday morning, so nothing went out
        clock.set(Instant.parse("2027-04-13T02:00:00Z"));
        assertThat(report.dueThisWeek()).isTrue();
        assertThat(report.catchUp()).isEqualTo(1);
        assertThat(report.catchUp()).as("waiting in the outbox (or sent already): not queued again").isZero();
        MailTestSupport mail = new MailTestSupport(mailProperties);
        MailTestSupport.Received received = mail.awaitMail(KADIS, r -> r.subject().equals(subject));
        assertThat(received.text()).contains("Yth. Kadis,");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM mail_sent WHERE dedup_key = ?").param(key).query(Long.class).single() == 1);
        assertThat(report.catchUp()).as("sent: not queued again").isZero();
        assertThat(mail.inbox(KADIS).stream().filter(r -> r.subject().equals(subject))).hasSize(1);
        assertThat(camel.getRoute("report-weekly-catch-up")).as("looks after start-up and every hour").isNotNull();
    }

    @Test
    void theWeekThatBeginsNamesWhoIsAwayWhoActsAndTheRolesNobodyHolds() throws Exception {
        // Monday 11 January 2027, 07:30 WIB: the back office clerk's leave (acting file) is this week
        clock.set(Instant.parse("2027-01-11T00:30:00Z"));
        WeeklyReport.Figures f = report.figures(report.lastWeek());
        assertThat(f.awayNextWeek()).containsExactly(
                "  - Dewi Lestari Nainggolan, S.E. (backoffice): Cuti tahunan, 11 Januari 2027 - 15 Januari 2027");
        assertThat(f.actingNextWeek()).isEmpty();
        assertThat(f.unheldNextWeek()).as("not the role nobody was given").containsExactly(
                "  - Backoffice / Ka Seksi Pelayanan I: 11 Januari 2027 - 15 Januari 2027");
        assertThat(f.unassigned()).containsExactly("Tim Survei Reklame");

        assertThat(report.send()).isEqualTo(1);
        MailTestSupport.Received received = new MailTestSupport(mailProperties).awaitMail(KADIS,
                r -> r.subject().equals("[Pintu] Laporan mingguan 4 Januari 2027 - 10 Januari 2027"));
        assertThat(received.text().replace("\r\n", "\n"))
                .contains("Pegawai minggu ini (11 Januari 2027 - 17 Januari 2027)\n  Tidak hadir (cuti, dinas luar):\n"
                        + "  - Dewi Lestari Nainggolan, S.E. (backoffice): Cuti tahunan, 11 Januari 2027 - 15 Januari"
                        + " 2027\n  Plt/Plh:\n  (tidak ada)\n")
                .contains("\n  Peran yang belum diberikan kepada pegawai mana pun di berkas pengguna: Tim Survei"
                        + " Reklame\n")
                .contains("/pegawai/cuti");

        // The dashboard says the same: the clerk's role is unheld today, the survey team's was never given
        try (Browser kadis = Browser.open(port)) {
            kadis.login("kadis");
            kadis.go("/dasbor");
            assertThat(kadis.driver().findElement(By.id("unheld-actors")).getText()).contains("Backoffice").doesNotContain("Survei");
            assertThat(kadis.driver().findElement(By.id("unassigned-actors")).getText()).isEqualTo("Peran berikut belum diberikan kepada"
                    + " pegawai mana pun di berkas pengguna: Tim Survei Reklame. Tugasnya hanya dapat diambil oleh"
                    + " Plt/Plh yang ditunjuk; minta TI memberikan peran itu kepada pegawai yang memegangnya.");
        }

        // Monday 21 December 2026: the Sekretaris is the Kadis's Plh from today to the 31st; nobody is away
        clock.set(Instant.parse("2026-12-21T00:30:00Z"));
        WeeklyReport.Figures plh = report.figures(report.lastWeek());
        assertThat(plh.actingNextWeek()).containsExactly(
                "  - Drs. Bonar Situmorang, M.Si (sekretaris): Plh Kadis, 21 Desember 2026 - 31 Desember 2026");
        assertThat(plh.awayNextWeek()).isEmpty();
        assertThat(plh.unheldNextWeek()).isEmpty();
    }
}
