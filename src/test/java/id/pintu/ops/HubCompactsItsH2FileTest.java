package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.HubTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.test.context.TestPropertySource;

/**
 * The hub on its embedded H2 file runs the housekeeping and sync routes and reports the file's chunks and size to the
 * metrics (on PostgreSQL neither exists: {@link H2Housekeeping#applies()}); its health shows a sync that stopped.
 */
@HubTest
@TestPropertySource(properties = "pintu.h2.housekeeping.sync-stale-after=2s")
class HubCompactsItsH2FileTest {

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @Autowired
    H2FileHealthIndicator health;

    @Test
    void housekeepingRunsAndTheFileIsMeasured() {
        assertThat(camel.getRouteController().getRouteStatus("h2-housekeeping")).isEqualTo(ServiceStatus.Started);
        NotifyBuilder passes = new NotifyBuilder(camel).fromRoute("h2-housekeeping").whenCompleted(2).create();
        assertThat(passes.matches(10, TimeUnit.SECONDS)).as("two passes completed without an error").isTrue();

        assertThat(camel.getRouteController().getRouteStatus("h2-sync")).isEqualTo(ServiceStatus.Started);
        NotifyBuilder syncs = new NotifyBuilder(camel).fromRoute("h2-sync").whenCompleted(1).create();
        assertThat(syncs.matches(10, TimeUnit.SECONDS)).as("a sync completed without an error").isTrue();
        assertThat(meters.get("pintu.h2.sync").timer().count()).as("syncs timed").isPositive();

        assertThat(meters.get("pintu.h2.chunks").gauge().value()).isPositive();
        assertThat(meters.get("pintu.h2.file.size").gauge().value()).isGreaterThan(100_000);
    }

    @Test
    void healthTurnsDownWhileTheFileIsNotSynced() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.UP)
                && health.health().getDetails().containsKey("lastSync"));

        camel.getRouteController().stopRoute("h2-sync");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.DOWN));
            assertThat(health.health().getDetails().get("error").toString())
                    .contains("has not been synced for").contains("h2-sync");
        } finally {
            camel.getRouteController().startRoute("h2-sync");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.UP));
    }
}
