package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One actor's inbox serves every SOP; the page's SOP filter keeps only the tasks of the chosen service. */
class InboxFilterBySopTest {

    @Test
    void onlyTheChosenSopsTasksRemain() {
        List<InboxRow> rows = List.of(row("t1", "izin-perluasan-usaha-industri"), row("t2", "izin-reklame"),
                row("t3", "izin-reklame"));
        InboxFilter reklame = InboxFilter.of(null, null, null, null, null, null, "izin-reklame");
        assertThat(rows.stream().filter(reklame.matcher("kabid-pelayanan")).map(InboxRow::taskId))
                .containsExactly("t2", "t3");
        InboxFilter all = InboxFilter.of(null, null, null, null, null, null, " ");
        assertThat(rows.stream().filter(all.matcher("kabid-pelayanan"))).hasSize(3);
    }

    private static InboxRow row(String id, String sop) {
        Instant now = Instant.parse("2026-11-27T03:00:00Z");
        return new InboxRow(id, "case-" + id, "kabid-pelayanan", "PTU-26-" + id, 11, "Paraf", "STEP", now,
                now.plusSeconds(3600), null, "Budi", "PT Kopi", 0, SlaState.values()[0], Duration.ofHours(1), sop,
                0);
    }
}
