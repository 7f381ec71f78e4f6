package id.pintu.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Function;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How full the disk under {@code pintu.data-dir} is. When it passes the embedded broker's {@code max-disk-usage}
 * (Artemis's default: 90 %), the broker blocks every producer: staff can still complete steps (each completion is
 * committed with its outbox row), but no next task reaches an inbox until space is freed, and nothing says so but a
 * line in the broker's log. So the hub says it: the health component {@code dataDisk} (DOWN from the broker's limit,
 * or below {@code pintu.ops.disk.min-free}), a log line at each change of state (route {@code disk-check}), and the
 * gauges {@code pintu_data_disk_free_bytes} and {@code pintu_data_disk_used_ratio}. Nothing is lost meanwhile: the
 * outbox holds what could not be sent, and the relay sends it once the broker takes messages again.
 */
@Component
@EnableConfigurationProperties(DataDiskProperties.class)
public class DataDisk {

    private static final Logger LOG = LoggerFactory.getLogger(DataDisk.class);

    /** Total and usable bytes of a disk. */
    public record Space(long total, long usable) {}

    public enum State {
        /** below {@code warn-at} */
        OK,
        /** at or above {@code warn-at}, below the limits */
        FILLING,
        /** less than {@code min-free} left */
        LOW,
        /** at or above the embedded broker's {@code max-disk-usage}: the broker blocks every producer */
        BROKER_BLOCKS
    }

    /** One look at the disk. */
    public record Reading(Path directory, Space space, double usedPercent, OptionalInt brokerMaxDiskUsage,
            State state, String message) {}

    private final Path directory;
    private final DataDiskProperties properties;
    private final OptionalInt brokerMaxDiskUsage;
    private final Function<Path, Space> disk;
    private volatile State last = State.OK;

    @Autowired
    public DataDisk(@Value("${pintu.data-dir:./data}") Path directory, DataDiskProperties properties,
            ObjectProvider<EmbeddedActiveMQ> embeddedBroker, MeterRegistry registry) {
        this(directory, properties, brokerLimit(embeddedBroker.getIfAvailable()), DataDisk::space);
        Gauge.builder("pintu.data.disk.free", this, d -> d.read().space().usable())
                .description("Free bytes on the disk under pintu.data-dir").baseUnit("bytes").register(registry);
        Gauge.builder("pintu.data.disk.used.ratio", this, d -> d.read().usedPercent() / 100)
                .description("Used share of the disk under pintu.data-dir (the embedded broker blocks producers at"
                        + " its max-disk-usage)").register(registry);
    }

    DataDisk(Path directory, DataDiskProperties properties, OptionalInt brokerMaxDiskUsage,
            Function<Path, Space> disk) {
        this.directory = directory.toAbsolutePath().normalize();
        this.properties = properties;
        this.brokerMaxDiskUsage = brokerMaxDiskUsage;
        this.disk = disk;
    }

    /** The embedded broker's limit (percent); empty for a standalone broker or a limit switched off (-1). */
    private static OptionalInt brokerLimit(EmbeddedActiveMQ broker) {
        if (broker == null || broker.getActiveMQServer() == null) {
            return OptionalInt.empty();
        }
        int max = broker.getActiveMQServer().getConfiguration().getMaxDiskUsage();
        return max < 0 ? OptionalInt.empty() : OptionalInt.of(max);
    }

    private static Space space(Path directory) {
        try {
            Path existing = directory;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            FileStore store = Files.getFileStore(existing == null ? Path.of(".") : existing);
            return new Space(store.getTotalSpace(), store.getUsableSpace());
        } catch (IOException e) {
            throw new UncheckedIOException("disk of " + directory + " cannot be read", e);
        }
    }

    public Reading read() {
        Space s = disk.apply(directory);
        double used = s.total() <= 0 ? 0 : 100.0 * (s.total() - s.usable()) / s.total();
        String free = gigabytes(s.usable());
        State state;
        String message;
        if (brokerMaxDiskUsage.isPresent() && used >= brokerMaxDiskUsage.getAsInt()) {
            state = State.BROKER_BLOCKS;
            message = String.format(Locale.ROOT, "the disk of %s is %.1f %% full (%s free), at or above the embedded"
                    + " broker's max-disk-usage of %d %%: the broker blocks every producer, so no next task reaches an"
                    + " inbox (completions are kept in the outbox) until space is freed", directory, used, free,
                    brokerMaxDiskUsage.getAsInt());
        } else if (s.usable() < properties.minFree().toBytes()) {
            state = State.LOW;
            message = String.format(Locale.ROOT, "only %s free on the disk of %s (pintu.ops.disk.min-free: %s): the"
                    + " database and the broker's journal cannot grow much longer", free, directory,
                    gigabytes(properties.minFree().toBytes()));
        } else if (used >= properties.warnAt()) {
            state = State.FILLING;
            message = String.format(Locale.ROOT, "the disk of %s is %.1f %% full (%s free)%s", directory, used, free,
                    brokerMaxDiskUsage.isPresent() ? "; the embedded broker blocks every producer at "
                            + brokerMaxDiskUsage.getAsInt() + " %" : "");
        } else {
            state = State.OK;
            message = String.format(Locale.ROOT, "%.1f %% used, %s free", used, free);
        }
        return new Reading(directory, s, used, brokerMaxDiskUsage, state, message);
    }

    /** Route {@code disk-check}: logs when the state changes (once, not at every look). */
    public Reading check() {
        Reading r = read();
        State before = last;
        last = r.state();
        if (r.state() != before) {
            switch (r.state()) {
                case BROKER_BLOCKS, LOW -> LOG.error("Data disk: {}", r.message());
                case FILLING -> LOG.warn("Data disk: {}", r.message());
                case OK -> LOG.info("Data disk has room again: {}", r.message());
            }
        }
        return r;
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1073741824.0);
    }
}
