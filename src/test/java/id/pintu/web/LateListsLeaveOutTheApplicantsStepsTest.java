package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.common.TimeOrderedIds;
import id.pintu.report.WeeklyReport;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.TaskStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The head of office's lists of late work (the dashboard's "Terlambat dan dieskalasi", the weekly report's tasks past
 * their due date) are the office's: a letter the applicant has not yet confirmed as received, or a clarification
 * waiting for the applicant, is the applicant's time, and the escalation scan already leaves it alone.
 */
@HubTest
class LateListsLeaveOutTheApplicantsStepsTest {

    @Autowired
    Api api;

    @Autowired
    TaskRepository tasks;

    @Autowired
    InboxQueries inbox;

    @Autowired
    WeeklyReport report;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aStepOfTheApplicantPastItsDueDateIsNotTheOfficesLateness() {
        String id = api.submit(Api.application(41)).get("id").asText();
        String code = api.getCase(id).get("trackingCode").asText();
        // Due long ago, so that both would be the oldest of any list that held them
        Task applicants = open(id, 15, "Menerima surat", "pemohon", Instant.parse("2001-01-08T01:00:00Z"));
        Task office = open(id, 3, "Verifikasi berkas", "ksb-umum", Instant.parse("2001-01-09T01:00:00Z"));
        try {
            assertLateListsLeaveOut(id, code, applicants, office);
        } finally {
            // Tasks made by hand leave the shared context's database: an open task in the inbox of Ksb. Umum (whose
            // inbox other tests expect empty), due in 2001, would be escalated for every later test
            jdbc.sql("UPDATE task SET status = 'CANCELLED' WHERE id IN (?, ?)").params(applicants.id(), office.id())
                    .update();
        }
    }

    private void assertLateListsLeaveOut(String id, String code, Task applicants, Task office) {
        assertThat(inbox.overdue("pemohon")).extracting(InboxRow::taskId).contains(office.id())
                .doesNotContain(applicants.id());
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(report.figures(monday).oldestOverdue()).anySatisfy(line -> assertThat(line)
                .startsWith("  - " + code + ", langkah 3 (Verifikasi berkas)"))
                .noneSatisfy(line -> assertThat(line).startsWith("  - " + code + ", langkah 15"));
        InboxFilter all = InboxFilter.of(null, null, null, null, null, null, null);
        assertThat(inbox.inbox("pemohon", all, "front-office").rows())
                .as("still in the applicant's inbox, for the front office")
                .extracting(InboxRow::taskId).contains(applicants.id());
    }

    private Task open(String caseId, int step, String name, String actor, Instant due) {
        Instant entered = due.minusSeconds(3600);
        Task t = new Task(TimeOrderedIds.next(Instant.now()), caseId, step, name, actor, TaskKind.STEP,
                TaskStatus.OPEN, null, entered, due, null, null, null, null, null, null);
        tasks.insert(t);
        return t;
    }
}
