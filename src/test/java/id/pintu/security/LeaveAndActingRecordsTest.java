package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.pintu.support.HubTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The leave register's own round trip through the database (days as SQL {@code DATE}s, read back as the same days):
 * a leave to come is in force for its days beside the acting file's absences, an overlapping one and one that has
 * ended are refused, and a withdrawn one is listed as such and takes nobody's roles any more. Far in the future, so
 * that no other test's staff is away ({@code LeaveAndActingRecordsOnPostgresTest} runs the same on PostgreSQL).
 */
@HubTest
class LeaveAndActingRecordsTest {

    @Autowired
    LeaveAndActing leave;

    @Autowired
    ActingOfficials acting;

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
    void anAppointmentToComeGivesTheRoleForItsDaysUntilWithdrawn() {
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
        assertThat(own.problems()).extracting(LeaveAndActing.Problem::code).containsExactly("leavePage.error.holds",
                "leavePage.error.actingKind", "leavePage.error.basis");
        LeaveAndActing.Refused away = catchThrowableOfType(LeaveAndActing.Refused.class,
                () -> leave.record("sekretaris", from, from, "Cuti tahunan", null, "kadis"));
        assertThat(away.problems()).extracting(LeaveAndActing.Problem::code).containsExactly("leavePage.error.acting");

        assertThat(leave.endAppointment(read.id(), "kadis").withdrawn()).isTrue();
        assertThat(acting.all()).noneMatch(p -> p.user().equals("sekretaris") && p.from().equals(from));
    }
}
