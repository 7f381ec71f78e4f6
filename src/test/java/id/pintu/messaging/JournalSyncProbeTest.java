package id.pintu.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe times real synced writes in the directory it is given and leaves nothing behind. */
class JournalSyncProbeTest {

    @TempDir
    Path dir;

    @Test
    void measuresASyncedWriteInTheDirectoryAndRemovesItsFile() throws Exception {
        Path journal = dir.resolve("artemis").resolve("journal");

        Duration sync = JournalSyncProbe.measure(journal, 16, Duration.ofSeconds(5));

        assertThat(sync).isPositive().isLessThan(Duration.ofSeconds(1));
        assertThat(journal).isEmptyDirectory();
    }

    @Test
    void aSlowDiskIsTimedWithinTheBudgetOnFiveWritesAtLeast() throws Exception {
        // A budget already spent: the probe still times five writes, then stops instead of doing all 10,000.
        Duration sync = JournalSyncProbe.measure(dir, 10_000, Duration.ZERO);

        assertThat(sync).isPositive();
        assertThat(dir.resolve(JournalSyncProbe.FILE)).doesNotExist();
    }

    @Test
    void aPathThatIsAFileIsAnErrorNotAMeasure() throws Exception {
        Path file = Files.writeString(dir.resolve("journal"), "x");

        assertThatThrownBy(() -> JournalSyncProbe.measure(file, 8, Duration.ofSeconds(1)))
                .isInstanceOf(java.io.IOException.class);
    }
}
