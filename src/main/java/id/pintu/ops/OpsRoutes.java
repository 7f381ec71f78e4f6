package id.pintu.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.messaging.QueueErrorHandling;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.WorkflowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.stereotype.Component;

/** Feeds the metrics from the case events topic (its own durable shared subscription). */
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
                        + "?subscriptionDurable=true&subscriptionShared=true&durableSubscriptionName=pintu-metrics")
                .routeId("metrics-events")
                .routeConfigurationId(QueueErrorHandling.ID)
                .unmarshal(new JacksonDataFormat(json, CaseEvent.class)).id("read-event")
                .bean("workflowMetrics", "record").id("record-metrics");
    }
}
