package id.pintu.audit;

import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.JmsBatchComponent;
import id.pintu.messaging.ScheduledErrorHandling;
import id.pintu.workflow.WorkflowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every case event into the audit trail, from the audit's own durable shared subscription, in batches
 * ({@code jms-batch}): the events waiting when a batch is taken are appended in one database transaction and
 * acknowledged together after it commits; a redelivered event is skipped by its eventId. The chain is one linear
 * sequence anyway (every append locks its head), so one append per commit only multiplied the commits. A failing
 * batch is split and a bad event dead-lettered by the consumer (see JmsBatchConsumer). A purge runs on the schedule
 * of {@link RetentionProperties#purgeCron()}.
 */
@Component
@EnableConfigurationProperties({AuditProperties.class, RetentionProperties.class})
class AuditRoutes extends RouteBuilder {

    private final WorkflowProperties workflow;
    private final AuditProperties audit;
    private final RetentionProperties retention;

    AuditRoutes(WorkflowProperties workflow, AuditProperties audit, RetentionProperties retention) {
        this.workflow = workflow;
        this.audit = audit;
        this.retention = retention;
    }

    @Override
    public void configure() {
        from(JmsBatchComponent.SCHEME + ":topic:" + workflow.eventsTopic() + "?subscription=" + audit.subscription())
                .routeId("audit-events")
                // The consumer retries, splits and dead-letters: an error handler here would see the whole batch.
                .errorHandler(noErrorHandler())
                .bean("caseEventAudit", "recordAll").id("append-audit-entries");

        from("quartz:pintu-retention/purge?stateful=true&cron=" + retention.purgeCron().replace(' ', '+'))
                .routeId("retention-purge")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(retention.scheduled())
                .bean("retentionPurge", "purgeExpired(system)").id("purge-expired-documents")
                .log("Retention purge: ${body.size()} document contents deleted (see the audit trail)").id("log-retention-purge");
    }
}
