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
 * that no other test's staff is away ({@code StaffLeaveRecordsOnPostgresTest} runs the same on PostgreSQL).
 */
@HubTest
class StaffLeaveRecordsTest {

    @Autowired
    StaffLeave leave;

    @Autowired
    ActingOfficials acting;

    @Test
    void aLeaveToComeIsInForceUntilWithdrawn() {
        LocalDate from = leave.today().plusDays(400);
        LocalDate to = from.plusDays(2);
        StaffLeave.Recorded r = leave.record("tim-teknis", from, to, "Dinas luar", "Rapat koordinasi di Medan",
                "kadis");
        StaffLeave.Leave read = leave.find(r.leave().id()).orElseThrow();
        assertThat(read.from()).isEqualTo(from);
        assertThat(read.to()).isEqualTo(to);
        assertThat(read.plannedTo()).isEqualTo(to);
        assertThat(read.note()).isEqualTo("Rapat koordinasi di Medan");
        assertThat(leave.current()).extracting(StaffLeave.Leave::id).contains(read.id());
        assertThat(acting.absences()).contains(new ActingOfficials.Absence("tim-teknis", from, to, "Dinas luar"));
        assertThat(acting.absentToday("tim-teknis")).isEmpty();

        StaffLeave.Refused overlap = catchThrowableOfType(StaffLeave.Refused.class,
                () -> leave.record("tim-teknis", to, to.plusDays(1), "Cuti tahunan", null, "kadis"));
        assertThat(overlap.problems()).extracting(StaffLeave.Problem::code).containsExactly("leavePage.error.away");
        StaffLeave.Refused past = catchThrowableOfType(StaffLeave.Refused.class, () -> leave.record("tim-teknis",
                leave.today().minusDays(3), leave.today().minusDays(1), "Cuti sakit", null, "kadis"));
        assertThat(past.problems()).extracting(StaffLeave.Problem::code).containsExactly("leavePage.error.past");

        StaffLeave.Leave withdrawn = leave.end(read.id(), "sekretaris");
        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn.endedBy()).isEqualTo("sekretaris");
        assertThat(leave.current()).extracting(StaffLeave.Leave::id).doesNotContain(read.id());
        assertThat(acting.absences()).noneMatch(a -> a.user().equals("tim-teknis") && a.from().equals(from));
        StaffLeave.Refused again = catchThrowableOfType(StaffLeave.Refused.class,
                () -> leave.end(read.id(), "kadis"));
        assertThat(again.problems()).extracting(StaffLeave.Problem::code).containsExactly("leavePage.error.over");
    }

    @Test
    void anAppointmentToComeGivesTheRoleForItsDaysUntilWithdrawn() {
        LocalDate from = leave.today().plusDays(500);
        LocalDate to = from.plusDays(4);
        String letter = "Surat Perintah Kepala Dinas Nomor 800/77/DPMPTSP (test)";
        StaffLeave.Appointment a = leave.appoint("sekretaris", "kadis", "PLH", from, to, letter, "kadis");
        StaffLeave.Appointment read = leave.findAppointment(a.id()).orElseThrow();
        assertThat(read.from()).isEqualTo(from);
        assertThat(read.to()).isEqualTo(to);
        assertThat(read.basis()).isEqualTo(letter);
        assertThat(leave.currentAppointments()).extracting(StaffLeave.Appointment::id).contains(read.id());
        assertThat(acting.all()).contains(new ActingOfficials.Appointment("sekretaris", "kadis", "PLH", from, to,
                letter));
        assertThat(acting.actingRoles("sekretaris")).as("not today").doesNotContain("kadis");

        StaffLeave.Refused overlap = catchThrowableOfType(StaffLeave.Refused.class,
                () -> leave.appoint("sekretaris", "kadis", "PLT", to, to.plusDays(1), letter, "kadis"));
        assertThat(overlap.problems()).extracting(StaffLeave.Problem::code)
                .containsExactly("leavePage.error.appointed");
        StaffLeave.Refused own = catchThrowableOfType(StaffLeave.Refused.class,
                () -> leave.appoint("kadis", "kadis", "PLX", from, to, " ", "kadis"));
        assertThat(own.problems()).extracting(StaffLeave.Problem::code).containsExactly("leavePage.error.holds",
                "leavePage.error.actingKind", "leavePage.error.basis");
        StaffLeave.Refused away = catchThrowableOfType(StaffLeave.Refused.class,
                () -> leave.record("sekretaris", from, from, "Cuti tahunan", null, "kadis"));
        assertThat(away.problems()).extracting(StaffLeave.Problem::code).containsExactly("leavePage.error.acting");

        assertThat(leave.endAppointment(read.id(), "kadis").withdrawn()).isTrue();
        assertThat(acting.all()).noneMatch(p -> p.user().equals("sekretaris") && p.from().equals(from));
    }
}
