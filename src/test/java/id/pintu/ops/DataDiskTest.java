package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.util.unit.DataSize;

/**
 * The data disk as it fills: UP below warn-at, UP with a warning from it, DOWN once the embedded broker's
 * max-disk-usage is reached (it then blocks every producer) or less than min-free is left, and UP again when space is
 * freed; the log says each change once, not at every look.
 */
class DataDiskTest {

    static final long TOTAL = 100L * 1024 * 1024 * 1024;

    final AtomicLong free = new AtomicLong(TOTAL / 2);
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(DataDisk.class);

    DataDisk disk;
    DataDiskHealthIndicator health;

    @BeforeEach
    void aHundredGigabyteDisk() {
        log.start();
        logger.addAppender(log);
        disk = new DataDisk(Path.of("data"), new DataDiskProperties(Duration.ofMinutes(1), 80, DataSize.ofGigabytes(1)),
                OptionalInt.of(90), dir -> new DataDisk.Space(TOTAL, free.get()));
        health = new DataDiskHealthIndicator(disk);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(log);
    }

    @Test
    void warnsFromWarnAtAndIsDownWhereTheBrokerBlocks() {
        assertThat(check().getStatus()).isEqualTo(Status.UP);
        assertThat(check().getDetails()).doesNotContainKey("warning").containsEntry("usedPercent", 50.0)
                .containsEntry("brokerBlocksAtPercent", 90);

        free.set(TOTAL * 15 / 100);
        Health filling = check();
        assertThat(filling.getStatus()).isEqualTo(Status.UP);
        assertThat((String) filling.getDetails().get("warning")).contains("85.0 % full", "15.0 GB free",
                "blocks every producer at 90 %");
        check();

        free.set(TOTAL * 9 / 100);
        Health blocked = check();
        assertThat(blocked.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) blocked.getDetails().get("error")).contains("91.0 % full",
                "max-disk-usage of 90 %", "no next task reaches an inbox");

        free.set(TOTAL / 2);
        assertThat(check().getStatus()).isEqualTo(Status.UP);

        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.ERROR, Level.INFO);
        assertThat(log.list.get(2).getFormattedMessage()).startsWith("Data disk has room again: 50.0 % used");
    }

    @Test
    void isDownBelowMinFreeOnADiskTheBrokerDoesNotWatch() {
        DataDisk standalone = new DataDisk(Path.of("data"), new DataDiskProperties(Duration.ofMinutes(1), 95,
                DataSize.ofGigabytes(1)), OptionalInt.empty(), dir -> new DataDisk.Space(TOTAL, free.get()));
        free.set(DataSize.ofMegabytes(900).toBytes());

        Health h = new DataDiskHealthIndicator(standalone).health();

        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) h.getDetails().get("error")).contains("only 0.9 GB free", "min-free: 1.0 GB");
        assertThat(h.getDetails()).doesNotContainKey("brokerBlocksAtPercent");
    }

    private Health check() {
        disk.check();
        return health.health();
    }
}
