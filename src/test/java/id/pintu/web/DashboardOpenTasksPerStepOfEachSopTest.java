package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's open tasks per step count each SOP's steps apart: step 2 of the industry permit and step 2 of the
 * billboard permit are two rows, each named with its SOP (they were one row, under one of the two names).
 */
@HubTest
class DashboardOpenTasksPerStepOfEachSopTest {

    static final String INDUSTRY = "izin-perluasan-usaha-industri";
    static final String REKLAME = "izin-reklame";

    @Autowired
    Api api;

    @Autowired
    DashboardQueries queries;

    @Test
    void stepTwoOfEachSopIsItsOwnRow() {
        Map<String, Object> reklame = new HashMap<>(Api.application(51));
        reklame.put("sop", REKLAME);
        api.awaitTask(api.submit(reklame).get("id").asText(), 2);
        api.awaitTask(api.submit(Api.application(52)).get("id").asText(), 2);

        Map<String, DashboardQueries.Count> rows = new HashMap<>();
        queries.openByStep().forEach(c -> rows.put(c.key(), c));
        assertThat(rows.get(REKLAME + "#2").label()).startsWith("Penerbitan Izin Reklame: 2. ");
        assertThat(rows.get(INDUSTRY + "#2").label()).startsWith("Penerbitan Izin Perluasan Usaha Industri: 2. ");
        assertThat(rows.get(REKLAME + "#2").count()).isPositive();
        assertThat(rows.get(INDUSTRY + "#2").count()).isPositive();
    }
}
