package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.common.TimeOrderedIds;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An inbox holding more open tasks than one page lists ({@code pintu.web.inbox-limit}, 500): the page took the oldest
 * 500 and filtered and sorted those, so "newest first", a search for a tracking code or "mine" never saw a newer task.
 * The database filters and orders every open task now; the page says when more match than it lists.
 */
@HubTest
class InboxListsEveryOpenTaskTest {

    static final String ACTOR = "tim-teknis";

    @Autowired
    Api api;

    @Autowired
    TaskRepository tasks;

    @Autowired
    InboxQueries inbox;

    @Autowired
    JdbcClient jdbc;

    final List<String> made = new ArrayList<>();

    @AfterEach
    void cancelWhatThisTestMade() {
        // Tasks made by hand leave the shared context's database: other tests expect this inbox without them
        for (String id : made) {
            jdbc.sql("UPDATE task SET status = 'CANCELLED' WHERE id = ?").param(id).update();
        }
    }

    @Test
    void filtersAndOrderReachEveryOpenTaskNotOnlyTheOldestPage() {
        String older = api.submit(Api.application(611)).get("id").asText();
        String newer = api.submit(Api.application(612)).get("id").asText();
        String newerCode = api.getCase(newer).get("trackingCode").asText();
        Instant now = Instant.now();
        List<String> onTime = new ArrayList<>();
        for (int i = 0; i < 505; i++) {
            // Due beyond the escalation scan's horizon: green for the whole test, whatever the scan does
            onTime.add(open(older, 7 + i % 2, now.minus(Duration.ofHours(1)).minusSeconds(505 - i),
                    now.plus(Duration.ofDays(60)), null));
        }
        // No working time between entry and due date: amber, and, entered last, after every green task in entry order
        List<String> dueSoon = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant at = now.plus(Duration.ofDays(45)).plusSeconds(i);
            dueSoon.add(open(older, 7, at, at, null));
        }
        String mine = open(newer, 7, now, now.plus(Duration.ofDays(60)), ACTOR);
        jdbc.sql("UPDATE task SET escalation_level = 2 WHERE id = ?").param(mine).update();

        InboxPage page = page(null, null, null, "entered", "asc");
        assertThat(page.rows()).hasSize(500);
        assertThat(page.more()).as("more tasks match than the page lists").isTrue();
        assertThat(page.total()).isGreaterThanOrEqualTo(509);
        assertThat(ids(page)).doesNotContain(mine).doesNotContainAnyElementsOf(dueSoon);
        assertThat(page.steps()).contains(7, 8);
        assertThat(page.sops()).contains("izin-perluasan-usaha-industri");

        assertThat(ids(page(null, null, null, "entered", "desc")).subList(0, 4))
                .as("newest first: the three entered last, then the newer case's task")
                .containsExactly(dueSoon.get(2), dueSoon.get(1), dueSoon.get(0), mine);
        assertThat(ids(page(newerCode.toLowerCase(), null, null, "entered", "asc"))).containsExactly(mine);
        assertThat(ids(page(null, null, "mine", "entered", "asc"))).contains(mine).doesNotContainAnyElementsOf(onTime);
        assertThat(ids(page(null, "escalated", null, "entered", "asc"))).contains(mine)
                .doesNotContainAnyElementsOf(onTime).doesNotContainAnyElementsOf(dueSoon);

        InboxPage amber = page(null, "due-soon", null, "entered", "asc");
        assertThat(ids(amber)).as("read past the first 501 green rows the database returned")
                .containsAll(dueSoon).doesNotContainAnyElementsOf(onTime).doesNotContain(mine);
        InboxPage green = page(null, "on-time", null, "entered", "asc");
        assertThat(green.rows()).hasSize(500).allSatisfy(r -> assertThat(r.state()).isEqualTo(SlaState.ON_TIME));
        assertThat(green.more()).isTrue();

        for (String wildcard : List.of("%", "_", "!")) {
            assertThat(ids(page(wildcard, null, null, "entered", "asc"))).as("'%s' is searched as itself", wildcard)
                    .doesNotContain(mine).doesNotContainAnyElementsOf(onTime);
        }
    }

    private InboxPage page(String q, String state, String holder, String sort, String dir) {
        return inbox.inbox(ACTOR, InboxFilter.of(q, null, state, holder, sort, dir, null), ACTOR);
    }

    private static List<String> ids(InboxPage page) {
        return page.rows().stream().map(InboxRow::taskId).toList();
    }

    private String open(String caseId, int step, Instant entered, Instant due, String holder) {
        Task t = new Task(TimeOrderedIds.next(entered), caseId, step, "Pemeriksaan lapangan", ACTOR, TaskKind.STEP,
                TaskStatus.OPEN, null, entered, due, holder, holder == null ? null : entered, null, null, null, null);
        tasks.insert(t);
        made.add(t.id());
        return t.id();
    }
}
