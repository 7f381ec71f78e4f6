package id.pintu.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code h2File}: whether the embedded H2 file is being synced ({@link H2Housekeeping#sync()}, route
 * {@code h2-sync}). DOWN when the last sync is older than {@code pintu.h2.housekeeping.sync-stale-after}: the route
 * is stopped (from Hawtio, say) or keeps failing, so a power loss would take every commit since, and H2, which drops
 * chunks only right after a sync, reuses no space, so the file grows. Not part of readiness: the
 * hub serves its staff as before. UP with nothing to say on PostgreSQL, or with the housekeeping switched off.
 */
@Component
public class H2FileHealthIndicator implements HealthIndicator {

    private final H2Housekeeping h2;
    private final H2HousekeepingProperties properties;
    private final Instant started = Instant.now();

    public H2FileHealthIndicator(H2Housekeeping h2, H2HousekeepingProperties properties) {
        this.h2 = h2;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!h2.applies()) {
            return Health.up().withDetail("sync", "not an H2 file: nothing to sync").build();
        }
        if (!properties.enabled()) {
            return Health.up().withDetail("sync", "off (pintu.h2.housekeeping.enabled=false): H2 keeps its own"
                    + " 45 s retention and never syncs while it runs").build();
        }
        Optional<H2Housekeeping.Synced> last = h2.lastSync();
        Duration age = Duration.between(last.map(H2Housekeeping.Synced::at).orElse(started), Instant.now());
        boolean stale = age.compareTo(properties.syncStaleAfter()) > 0;
        Health.Builder health = stale ? Health.down() : Health.up();
        health.withDetail("syncInterval", properties.syncInterval().toString())
                .withDetail("staleAfter", properties.syncStaleAfter().toString());
        last.ifPresent(s -> health.withDetail("lastSync", s.at().toString())
                .withDetail("secondsSinceLastSync", age.toSeconds())
                .withDetail("syncedVersion", s.version()));
        if (stale) {
            health.withDetail("error", (last.isEmpty() ? "the H2 file has not been synced since the hub started "
                    : "the H2 file has not been synced for ") + age.toSeconds() + " s (is the route h2-sync stopped"
                    + " or failing?): a power loss would take the commits since, and the file grows until it runs");
        }
        return health.build();
    }
}
