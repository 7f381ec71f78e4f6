package id.pintu.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.messaging.QueueErrorHandling;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.WorkflowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.stereotype.Component;

/**
 * Feeds the metrics from the case events topic. The counters live in memory and start from zero with the JVM, so
 * the subscription is shared but not durable: the broker keeps no journal record per event for it, and events
 * published while no hub runs (none are: the hub publishes them) would not count anyway.
 */
@Component
class OpsRoutes extends RouteBuilder {

    private final WorkflowProperties workflow;
    private final ObjectMapper json;

    OpsRoutes(WorkflowProperties workflow, ObjectMapper json) {
        this.workflow = workflow;
        this.json = json;
    }

    @Override
    public void configure() {
        from("jms:topic:" + workflow.eventsTopic()
                        + "?subscriptionShared=true&subscriptionName=pintu-metrics")
                .routeId("metrics-events")
                .routeConfigurationId(QueueErrorHandling.ID)
                .unmarshal(new JacksonDataFormat(json, CaseEvent.class)).id("read-event")
                .bean("workflowMetrics", "record").id("record-metrics");
    }
}
