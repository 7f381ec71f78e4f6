package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub on its embedded H2 file runs the housekeeping and sync routes and reports the file's chunks and size to the
 * metrics (on PostgreSQL neither exists: {@link H2Housekeeping#applies()}).
 */
@HubTest
class HubCompactsItsH2FileTest {

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

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
}
