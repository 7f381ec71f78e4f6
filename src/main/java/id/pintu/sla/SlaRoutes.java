package id.pintu.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.ScheduledErrorHandling;
import id.pintu.workflow.WorkflowEndpoints;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.stereotype.Component;

/**
 * <ul>
 *   <li>{@code sla-escalation-scan}: a Quartz cron (one trigger for all tasks, never one per task) asks the
 *       {@link EscalationScanner} to look at the tasks near or past their due date;</li>
 *   <li>{@code sla-escalation-to-queue}: an escalation committed in the outbox becomes a persistent message on
 *       the reminder queue of the task's actor (level 1) or the escalation queue of its supervisor (level 2).</li>
 * </ul>
 */
@Component
public class SlaRoutes extends RouteBuilder {

    public static final String ESCALATION_OUTBOX = WorkflowEndpoints.OUTBOX_PREFIX + "escalation";

    private final SlaProperties properties;
    private final ObjectMapper json;

    public SlaRoutes(SlaProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void configure() {
        // stateful: Quartz never runs two scans of this job at once, also across a cluster.
        from("quartz:pintu-sla/escalation-scan?stateful=true&cron=" + properties.scanCronUriOption())
                .routeId("sla-escalation-scan")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .bean("escalationScanner", "scan").id("scan-due-tasks");

        from(ESCALATION_OUTBOX)
                .routeId("sla-escalation-to-queue")
                // Routed by the outbox relay, which retries with back-off and logs each failure once.
                .errorHandler(noErrorHandler())
                .unmarshal(new JacksonDataFormat(json, Escalation.class)).id("read-escalation")
                .bean(EscalationHeaders.class).id("escalation-headers")
                .marshal(new JacksonDataFormat(json, Escalation.class)).id("write-escalation")
                // A text message, so that any JMS client or the Hawtio console shows the JSON as it is.
                .convertBodyTo(String.class).id("as-text")
                .toD("jms:queue:${header." + SlaHeaders.QUEUE + "}?deliveryPersistent=true")
                    .id("to-escalation-queue");
    }
}
