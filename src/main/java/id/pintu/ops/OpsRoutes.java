package id.pintu.ops;

import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.QueueErrorHandling;
import id.pintu.messaging.ScheduledErrorHandling;
import id.pintu.workflow.WorkflowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Feeds the metrics from the case events topic, compacts the embedded H2 file ({@link H2Housekeeping}) and watches
 * the data disk ({@link DataDisk}). The
 * counters live in memory and start from zero with the JVM, so the subscription is shared but not durable: the
 * broker keeps no journal record per event for it, and events published while no hub runs (none are: the hub
 * publishes them) would not count anyway.
 */
@Component
class OpsRoutes extends RouteBuilder {

    private final WorkflowProperties workflow;
    private final H2HousekeepingProperties housekeeping;
    private final H2Housekeeping h2;
    private final DataDiskProperties disk;

    OpsRoutes(WorkflowProperties workflow, H2HousekeepingProperties housekeeping, H2Housekeeping h2,
            DataDiskProperties disk) {
        this.workflow = workflow;
        this.housekeeping = housekeeping;
        this.h2 = h2;
        this.disk = disk;
    }

    @Override
    public void configure() {
        from("jms:topic:" + workflow.eventsTopic()
                        + "?subscriptionShared=true&subscriptionName=pintu-metrics")
                .routeId("metrics-events")
                .routeConfigurationId(QueueErrorHandling.ID)
                // The bean reads the JSON itself, so the body stays the text received: a dead letter carries it.
                .bean("workflowMetrics", "recordJson").id("record-metrics");

        // Only on an H2 file database: PostgreSQL vacuums on its own.
        from("timer:h2-housekeeping?period=" + housekeeping.interval().toMillis())
                .routeId("h2-housekeeping")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(housekeeping.enabled() && h2.applies())
                .bean("h2Housekeeping", "compact").id("compact-h2-chunks");

        // Forces the H2 file to disk, then lets H2 drop the chunks no version from the synced one on needs
        // (H2Housekeeping.sync): H2 drops none at any other time, which is what makes the short retention safe.
        from("timer:h2-sync?period=" + housekeeping.syncInterval().toMillis())
                .routeId("h2-sync")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(housekeeping.enabled() && h2.applies())
                .bean("h2Housekeeping", "sync").id("sync-h2-file");

        // Says when the data disk fills towards the embedded broker's limit, at which it blocks every producer.
        from("timer:disk-check?delay=5000&period=" + disk.checkInterval().toMillis())
                .routeId("disk-check")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .autoStartup(!disk.checkInterval().isZero())
                .bean("dataDisk", "check").id("look-at-the-data-disk");
    }
}
