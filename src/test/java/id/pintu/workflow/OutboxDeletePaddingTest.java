package id.pintu.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxDeletePaddingTest {

    @Test
    void batchesArePaddedToThePowerOfTwoAboveWithTheirOwnIds() {
        for (int size = 2; size <= 600; size++) {
            int n = size;
            List<String> ids = IntStream.range(0, n).mapToObj(i -> "e" + i).toList();
            List<String> padded = OutboxRepository.padded(ids);
            assertThat(Integer.bitCount(padded.size())).as("size for %d", n).isEqualTo(1);
            assertThat(padded.size()).isGreaterThanOrEqualTo(n).isLessThan(2 * n);
            assertThat(padded.subList(0, n)).isEqualTo(ids);
            assertThat(padded.subList(n, padded.size())).allMatch(id -> id.equals("e" + (n - 1)));
        }
    }
}
