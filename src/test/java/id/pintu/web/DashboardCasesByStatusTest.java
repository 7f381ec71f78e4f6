package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's cases per status: every case still open, and the cases closed since the first of January of this
 * year (office time); a case closed last year is no longer counted there.
 */
@HubTest
class DashboardCasesByStatusTest {

    @Autowired
    DashboardQueries queries;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    Api api;

    @Autowired
    Clock clock;

    @Test
    void openCasesAllAndClosedCasesOfThisYear() {
        Map<String, Long> before = counts();
        String open = api.submit(Api.application(705)).get("id").asText();
        String closedNow = api.submit(Api.application(706)).get("id").asText();
        String closedLastYear = api.submit(Api.application(707)).get("id").asText();
        ZoneId office = ZoneId.of("Asia/Jakarta");
        int year = clock.instant().atZone(office).getYear();
        assertThat(queries.year()).isEqualTo(year);

        assertThat(applications.close(closedNow, CaseStatus.REJECTED, clock.instant())).isTrue();
        // Closed on the last evening of last year, office time.
        assertThat(applications.close(closedLastYear, CaseStatus.WITHDRAWN,
                LocalDate.of(year, 1, 1).atStartOfDay(office).minusHours(2).toInstant())).isTrue();

        Map<String, Long> after = counts();
        assertThat(after.getOrDefault("IN_PROGRESS", 0L) - before.getOrDefault("IN_PROGRESS", 0L))
                .as("the open case (%s) counted", open).isEqualTo(1);
        assertThat(after.getOrDefault("REJECTED", 0L) - before.getOrDefault("REJECTED", 0L))
                .as("closed this year").isEqualTo(1);
        assertThat(after.getOrDefault("WITHDRAWN", 0L)).as("closed last year: not this year's")
                .isEqualTo(before.getOrDefault("WITHDRAWN", 0L));
    }

    private Map<String, Long> counts() {
        return queries.casesByStatus(queries.year()).stream()
                .collect(Collectors.toMap(DashboardQueries.Count::key, DashboardQueries.Count::count));
    }
}
