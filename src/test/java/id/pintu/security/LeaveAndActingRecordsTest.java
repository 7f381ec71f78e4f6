package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.pintu.audit.AuditTrail;
import id.pintu.common.TimeOrderedIds;
import id.pintu.documents.IndonesianDates;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailProperties;
import id.pintu.sop.SopCatalog;
import id.pintu.support.HubTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leave register's own round trip through the database (days as SQL {@code DATE}s, read back as the same days):
 * a leave to come is in force for its days beside the acting file's absences, an overlapping one and one that has
 * ended are refused, and a withdrawn one is listed as such and takes nobody's roles any more; an appointee is told by
 * email of the appointment and of its withdrawal. What another hub
 * recorded a moment ago is seen before this hub's next refresh, and of two hubs recording overlapping leave at once
 * one does. Far in the future, so that no other test's staff is away ({@code LeaveAndActingRecordsOnPostgresTest}
 * runs the same on PostgreSQL).
 */
@HubTest
class LeaveAndActingRecordsTest {

    @Autowired
    LeaveAndActing leave;

    @Autowired
    ActingOfficials acting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditTrail audit;

    @Autowired
    UserDirectory users;

    @Autowired
    SopCatalog catalog;

    @Autowired
    LeaveProperties leaveProperties;

    @Autowired
    ActingProperties actingProperties;

    @Autowired
    ActingNotices notices;

    @Autowired
    Clock clock;

    @Autowired
    MailProperties mailProperties;

    private MailTestSupport mail;

    @BeforeEach
    void mail() {
        mail = new MailTestSupport(mailProperties);
    }

    @Test
    void aLeaveToComeIsInForceUntilWithdrawn() {
        LocalDate from = leave.today().plusDays(400);
        LocalDate to = from.plusDays(2);
        LeaveAndActing.Recorded r = leave.record("tim-teknis", from, to, "Dinas luar", "Rapat koordinasi di Medan",
                "kadis");
        LeaveAndActing.Leave read = leave.find(r.leave().id()).orElseThrow();
        assertThat(read.from()).isEqualTo(from);
        assertThat(read.to()).isEqualTo(to);
        assertThat(read.plannedTo()).isEqualTo(to);
        assertThat(read.note()).isEqualTo("Rapat koordinasi di Medan");
        assertThat(leave.current()).extracting(LeaveAndActing.Leave::id).contains(read.id());
        assertThat(acting.absences()).contains(new ActingOfficials.Absence("tim-teknis", from, to, "Dinas luar"));
        assertThat(acting.absentToday("tim-teknis")).isEmpty();

        LeaveAndActing.Refused overlap = catchThrowableOfType(LeaveAndActing.Refused.class,
                () -> leave.record("tim-teknis", to, to.plusDays(1), "Cuti tahunan", null, "kadis"));
        assertThat(overlap.problems()).extracting(LeaveAndActing.Problem::code).containsExactly("leavePage.error.away");
        LeaveAndActing.Refused past = catchThrowableOfType(LeaveAndActing.Refused.class,
                () -> leave.record("tim-teknis", leave.today().minusDays(3), leave.today().minusDays(1), "Cuti sakit",
                        null, "kadis"));
        assertThat(past.problems()).extracting(LeaveAndActing.Problem::code).containsExactly("leavePage.error.past");

        LeaveAndActing.Leave withdrawn = leave.end(read.id(), "sekretaris");
        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn.endedBy()).isEqualTo("sekretaris");
        assertThat(leave.current()).extracting(LeaveAndActing.Leave::id).doesNotContain(read.id());
        assertThat(acting.absences()).noneMatch(a -> a.user().equals("tim-teknis") && a.from().equals(from));
        LeaveAndActing.Refused again = catchThrowableOfType(LeaveAndActing.Refused.class,
                () -> leave.end(read.id(), "kadis"));
        assertThat(again.problems()).extracting(LeaveAndActing.Problem::code).containsExactly("leavePage.error.over");
    }

    @Test
    void anAppointmentToComeGivesTheRoleForItsDaysUntilWithdrawn() throws Exception {
        LocalDate from = leave.today().plusDays(500);
        LocalDate to = from.plusDays(4);
        String letter = "Surat Perintah Kepala Dinas Nomor 800/77/DPMPTSP (test)";
        LeaveAndActing.Appointment a = leave.appoint("sekretaris", "kadis", "PLH", from, to, letter, "kadis");
        LeaveAndActing.Appointment read = leave.findAppointment(a.id()).orElseThrow();
        assertThat(read.from()).isEqualTo(from);
        assertThat(read.to()).isEqualTo(to);
        assertThat(read.basis()).isEqualTo(letter);
        assertThat(leave.currentAppointments()).extracting(LeaveAndActing.Appointment::id).contains(read.id());
        assertThat(acting.all()).contains(new ActingOfficials.Appointment("sekretaris", "kadis", "PLH", from, to,
                letter));
        assertThat(acting.actingRoles("sekretaris")).as("not today").doesNotContain("kadis");

        LeaveAndActing.Refused overlap = catchThrowableOfType(LeaveAndActing.Refused.class,
                () -> leave.appoint("sekretaris", "kadis", "PLT", to, to.plusDays(1), letter, "kadis"));
        assertThat(overlap.problems()).extracting(LeaveAndActing.Problem::code)
                .containsExactly("leavePage.error.appointed");
        LeaveAndActing.Refused own = catchThrowableOfType(LeaveAndActing.Refused.class,
                () -> leave.appoint("kadis", "kadis", "PLX", from, to, " ", "kadis"));
        assertThat(own.problems()).extracting(LeaveAndActing.Problem::code).containsExactly(
                "leavePage.error.selfAppointed", "leavePage.error.holds", "leavePage.error.actingKind",
                "leavePage.error.basis");
        LeaveAndActing.Refused away = catchThrowableOfType(LeaveAndActing.Refused.class,
                () -> leave.record("sekretaris", from, from, "Cuti tahunan", null, "kadis"));
        assertThat(away.problems()).extracting(LeaveAndActing.Problem::code).containsExactly("leavePage.error.acting");

        // The appointee is told at the address of the users file, once
        String address = "bonar.situmorang@dpmptsp.dairikab.go.id";
        String when = IndonesianDates.date(from) + " s.d. " + IndonesianDates.date(to);
        MailTestSupport.Received told = mail.awaitMail(address,
                m -> m.subject().equals("[Pintu] Penunjukan Plh Kadis, " + when));
        assertThat(told.text()).contains("Yth. Drs. Bonar Situmorang, M.Si", "Berdasarkan " + letter,
                "Pelaksana Harian (Plh) Kadis", "dicatat oleh Drs. MARISI SIANTURI, M.Si", "/kotak-masuk/kadis")
                .as("no link to the managers' leave page").doesNotContain("/pegawai/cuti");

        assertThat(leave.endAppointment(read.id(), "kadis").withdrawn()).isTrue();
        assertThat(acting.all()).noneMatch(p -> p.user().equals("sekretaris") && p.from().equals(from));
        MailTestSupport.Received withdrawn = mail.awaitMail(address,
                m -> m.subject().equals("[Pintu] Penunjukan Plh Kadis dibatalkan") && m.text().contains(letter)
                        && m.text().contains(IndonesianDates.date(from)));
        assertThat(withdrawn.text()).contains("dibatalkan oleh Drs. MARISI SIANTURI, M.Si");
        assertThat(mail.inbox(address)).filteredOn(m -> m.text().contains(letter)).hasSize(2);
    }

    @Test
    void nobodyRecordsTheirOwnAppointment() {
        LocalDate today = leave.today();
        // The Ksb. Umum manages leave: she cannot make herself acting Kadis, for today or later
        LeaveAndActing.Refused self = catchThrowableOfType(LeaveAndActing.Refused.class,
                () -> leave.appoint("ksb-umum", "kadis", "PLT", today, today.plusDays(2),
                        "Surat Perintah Nomor 800/9/2026", "ksb-umum"));
        assertThat(self.problems()).extracting(LeaveAndActing.Problem::code)
                .containsExactly("leavePage.error.selfAppointed");
        assertThat(acting.actingRoles("ksb-umum")).doesNotContain("kadis");
        assertThat(leave.currentAppointments()).noneMatch(a -> a.user().equals("ksb-umum"));
    }

    @Test
    void aLeaveAnotherHubRecordedAMomentAgoIsSeenBeforeThisHubsNextRefresh() {
        LocalDate from = leave.today().plusDays(600);
        LocalDate to = from.plusDays(3);
        // Another hub's insert, which this hub's view (read every pintu.security.check-interval) does not have yet
        jdbc.sql("INSERT INTO staff_leave (id, username, first_day, last_day, planned_last_day, kind, recorded_by,"
                        + " recorded_at) VALUES (?, 'tim-teknis', ?, ?, ?, 'Cuti tahunan', 'sekretaris', ?)")
                .params(TimeOrderedIds.next(clock.instant()), from, to, to, Timestamp.from(clock.instant()))
                .update();
        assertThat(acting.absences()).noneMatch(a -> a.user().equals("tim-teknis") && a.from().equals(from));

        LeaveAndActing.Refused overlap = catchThrowableOfType(LeaveAndActing.Refused.class,
                () -> leave.record("tim-teknis", to, to.plusDays(2), "Dinas luar", null, "kadis"));
        assertThat(overlap.problems()).extracting(LeaveAndActing.Problem::code).containsExactly("leavePage.error.away");
        LeaveAndActing.Refused appointed = catchThrowableOfType(LeaveAndActing.Refused.class,
                () -> leave.appoint("tim-teknis", "kadis", "PLH", from, from, "Surat Perintah 800/1 (test)", "kadis"));
        assertThat(appointed.problems()).extracting(LeaveAndActing.Problem::code)
                .containsExactly("leavePage.error.appointeeAway");
        // Refused, and now in force here too
        assertThat(acting.absences()).contains(new ActingOfficials.Absence("tim-teknis", from, to, "Cuti tahunan"));
    }

    @Test
    void ofTwoHubsRecordingOverlappingLeaveAtOnceOneDoes() throws Exception {
        // A second hub over the same database, with a view of its own (as on another machine)
        ActingOfficials otherView = new ActingOfficials(actingProperties, users, catalog, clock);
        LeaveAndActing otherHub = new LeaveAndActing(jdbc, tx, audit, users, otherView, catalog, leaveProperties,
                actingProperties, notices, clock);
        LocalDate base = leave.today().plusDays(700);
        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                LeaveAndActing hub = i % 2 == 0 ? leave : otherHub;
                LocalDate from = base.plusDays(i);
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        hub.record("backoffice", from, base.plusDays(10), "Cuti tahunan", null, "kadis");
                        return true;
                    } catch (LeaveAndActing.Refused refused) {
                        assertThat(refused.problems()).extracting(LeaveAndActing.Problem::code)
                                .containsExactly("leavePage.error.away");
                        return false;
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int recorded = 0;
            for (Future<Boolean> result : results) {
                recorded += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(recorded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_leave WHERE username = 'backoffice' AND last_day = ?")
                .param(base.plusDays(10)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anActingFileEntryThatClashesWithThePagesRecordsIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acting.yaml");
        Files.writeString(file, "acting: []\n");
        ActingOfficials view = new ActingOfficials(new ActingProperties(file, actingProperties.zone()), users, catalog,
                clock);
        LeaveAndActing page = new LeaveAndActing(jdbc, tx, audit, users, view, catalog, leaveProperties,
                actingProperties, notices, clock);
        LocalDate from = leave.today().plusDays(800);
        LocalDate to = from.plusDays(4);
        page.record("kabid-pelayanan", from, to, "Cuti tahunan", null, "kadis");
        page.appoint("ksb-umum", "sekretaris", "PLH", from, to, "Surat Perintah 800/9 (test)", "kadis");

        Files.writeString(file, "acting:\n  - {user: kabid-pelayanan, actor: kadis, kind: PLH, from: \"" + to
                + "\", to: \"" + to.plusDays(1) + "\", basis: Surat 1}\nabsent:\n  - {user: ksb-umum, from: \"" + from
                + "\", to: \"" + from + "\", reason: Dinas luar}\n");
        assertThatThrownBy(view::reloadIfChanged).isInstanceOf(StaffFileException.class)
                .hasMessageContaining("acting[0]: kabid-pelayanan is away " + from + " to " + to
                        + " (Cuti tahunan, recorded on the leave page)")
                .hasMessageContaining("absent[0]: ksb-umum is appointed sekretaris " + from + " to " + to
                        + " on the leave page");
        assertThat(view.fileAppointments()).isEmpty();

        // Days clear of the page's records are taken
        Files.writeString(file, "acting:\n  - {user: kabid-pelayanan, actor: kadis, kind: PLH, from: \""
                + to.plusDays(1) + "\", to: \"" + to.plusDays(2) + "\", basis: Surat 1}\n");
        assertThat(view.reloadIfChanged()).isPresent();
        assertThat(view.fileAppointments()).singleElement().extracting(ActingOfficials.Appointment::user)
                .isEqualTo("kabid-pelayanan");
    }
}
