package id.pintu.ops;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code dataDisk} ({@link DataDisk}): DOWN when the embedded broker blocks its producers for lack of
 * disk, or less than {@code pintu.ops.disk.min-free} is left; UP with a {@code warning} from {@code
 * pintu.ops.disk.warn-at}. Not part of readiness by default (add {@code dataDisk} to the readiness group to take a
 * hub whose disk is full out of the load balancer).
 */
@Component
public class DataDiskHealthIndicator implements HealthIndicator {

    private final DataDisk disk;

    public DataDiskHealthIndicator(DataDisk disk) {
        this.disk = disk;
    }

    @Override
    public Health health() {
        DataDisk.Reading r = disk.read();
        Health.Builder health = switch (r.state()) {
            case BROKER_BLOCKS, LOW -> Health.down().withDetail("error", r.message());
            case FILLING -> Health.up().withDetail("warning", r.message());
            case OK -> Health.up();
        };
        health.withDetail("directory", r.directory().toString())
                .withDetail("totalBytes", r.space().total())
                .withDetail("freeBytes", r.space().usable())
                .withDetail("usedPercent", Math.round(r.usedPercent() * 10) / 10.0)
                .withDetail("state", r.state().name());
        r.brokerMaxDiskUsage().ifPresent(max -> health.withDetail("brokerBlocksAtPercent", max));
        return health.build();
    }
}
