package id.pintu.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.QueueErrorHandling;
import id.pintu.messaging.ScheduledErrorHandling;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.WorkflowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every case event into the audit trail, from the audit's own durable shared subscription (transacted: the
 * message is acknowledged only after the entry is committed; a redelivery is skipped by its eventId). A purge runs
 * on the schedule of {@link RetentionProperties#purgeCron()}.
 */
@Component
@EnableConfigurationProperties({AuditProperties.class, RetentionProperties.class})
class AuditRoutes extends RouteBuilder {

    private final WorkflowProperties workflow;
    private final AuditProperties audit;
    private final RetentionProperties retention;
    private final ObjectMapper json;

    AuditRoutes(WorkflowProperties workflow, AuditProperties audit, RetentionProperties retention, ObjectMapper json) {
        this.workflow = workflow;
        this.audit = audit;
        this.retention = retention;
        this.json = json;
    }

    @Override
    public void configure() {
        from("jms:topic:" + workflow.eventsTopic() + "?subscriptionDurable=true&subscriptionShared=true"
                        + "&durableSubscriptionName=" + audit.subscription() + "&transacted=true")
                .routeId("audit-events")
                .routeConfigurationId(QueueErrorHandling.ID)
                .unmarshal(new JacksonDataFormat(json, CaseEvent.class)).id("audit-read-event")
                .bean("caseEventAudit", "record").id("append-audit-entry");

        from("quartz:pintu-retention/purge?stateful=true&cron=" + retention.purgeCron().replace(' ', '+'))
                .routeId("retention-purge")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(retention.scheduled())
                .bean("retentionPurge", "purgeExpired(system)").id("purge-expired-documents")
                .log("Retention purge: ${body.size()} document contents deleted (see the audit trail)").id("log-retention-purge");
    }
}
