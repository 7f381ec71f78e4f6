package id.pintu.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");

    @Test
    void idsOfLaterMomentsSortAfterEarlierOnesAndDoNotRepeat() {
        List<String> ids = new ArrayList<>();
        for (int ms = 0; ms < 2_000; ms++) {
            for (int i = 0; i < 5; i++) {
                ids.add(TimeOrderedIds.next(T0.plusMillis(ms)));
            }
        }
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        for (int i = 5; i < ids.size(); i += 5) {
            // Every id of a millisecond sorts after every id of the one before, as text and as the database sorts it.
            String latestBefore = ids.subList(i - 5, i).stream().max(String::compareTo).orElseThrow();
            assertThat(ids.subList(i, i + 5)).allSatisfy(later -> assertThat(later).isGreaterThan(latestBefore));
        }
        UUID u = UUID.fromString(ids.get(0));
        assertThat(u.version()).isEqualTo(7);
        assertThat(u.variant()).isEqualTo(2);
        assertThat(u.getMostSignificantBits() >>> 16).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void aDerivedIdIsTheSameEveryTimeAndSortsWithItsSource() {
        String source = TimeOrderedIds.next(T0);
        String task = TimeOrderedIds.derived(source, ">3");

        assertThat(TimeOrderedIds.derived(source, ">3")).isEqualTo(task);
        assertThat(TimeOrderedIds.derived(source, ">4")).isNotEqualTo(task);
        assertThat(TimeOrderedIds.derived(TimeOrderedIds.next(T0), ">3")).isNotEqualTo(task);
        UUID u = UUID.fromString(task);
        assertThat(u.version()).isEqualTo(7);
        assertThat(u.variant()).isEqualTo(2);
        assertThat(u.getMostSignificantBits() >>> 16).isEqualTo(T0.toEpochMilli());
        assertThat(TimeOrderedIds.derived(TimeOrderedIds.next(T0.plusMillis(1)), ">3")).isGreaterThan(task);
    }

    @Test
    void fromAnIdOfBeforeTheSchemeTheDerivationIsTheOldOne() {
        // A message routed by a hub of the previous release and entered by this one must get the same task id.
        String old = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assertThat(TimeOrderedIds.derived(old, ">3")).isEqualTo(
                UUID.nameUUIDFromBytes((old + ">3").getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(TimeOrderedIds.derived("not-a-uuid", "/entered")).isEqualTo(
                UUID.nameUUIDFromBytes("not-a-uuid/entered".getBytes(StandardCharsets.UTF_8)).toString());
    }
}
