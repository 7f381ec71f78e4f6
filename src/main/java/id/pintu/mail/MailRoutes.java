package id.pintu.mail;

import id.pintu.messaging.JmsBatchComponent;
import id.pintu.workflow.WorkflowEndpoints;
import id.pintu.workflow.WorkflowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * <ul>
 *   <li>{@code outbox-mail}: an owed mail from the outbox, over SMTP, once per dedup key. A failure (server down, an
 *       attachment not produced yet) fails the route, and the outbox relay retries it with backoff.</li>
 *   <li>{@code status-mail}: case events from the durable topic, to the status mails the SOP's rules ask for, a
 *       batch at a time in one transaction (see below).</li>
 * </ul>
 */
@Component
public class MailRoutes extends RouteBuilder {

    public static final String OUTBOX_MAIL = WorkflowEndpoints.OUTBOX_PREFIX + "mail";

    private final MailProperties properties;
    private final WorkflowProperties workflow;

    public MailRoutes(MailProperties properties, WorkflowProperties workflow) {
        this.properties = properties;
        this.workflow = workflow;
    }

    @Override
    public void configure() {
        MailProperties.EmbeddedServer embedded = properties.embeddedServer();
        if (embedded.enabled() && !embedded.retention().isZero()) {
            long every = embedded.purgeInterval().toMillis();
            from("timer:embedded-mail-retention?delay=" + every + "&period=" + every)
                    .routeId("embedded-mail-retention")
                    .bean("embeddedMailServer", "purgeExpired").id("purge-expired-mail");
        }

        from(OUTBOX_MAIL)
                .routeId("outbox-mail")
                // No redelivery or error log here: the outbox relay retries with backoff and logs each failure once.
                .errorHandler(noErrorHandler())
                .setProperty("pintuMailPayload", body()).id("keep-payload")
                .doTry().id("try-send")
                    .bean("outboxMailSender", "prepare").id("prepare-mail")
                    .filter(body().isNotNull()).id("not-sent-yet")
                        .to(properties.smtp().uri()).id("smtp-send")
                        .setBody(exchangeProperty("pintuMailPayload")).id("restore-payload")
                        .bean("outboxMailSender", "sent").id("record-sent")
                    .end()
                .endDoTry()
                .doCatch(Exception.class).id("send-failed")
                    // Counts the failed attempt and throws it on, so the outbox relay retries as before; a mail the
                    // recipient's side refused for good is recorded as undeliverable instead (and its event deleted)
                    .setBody(exchangeProperty("pintuMailPayload")).id("payload-of-failed")
                    .bean("outboxMailSender", "failed").id("count-failed-send")
                .end();

        // The events waiting on the subscription, acknowledged together; their mails are owed in one transaction,
        // each keyed by its event (so pintu.mail.events-consumers threads may take batches side by side). The
        // consumer waits out a database outage, splits a failing batch and dead-letters a bad event.
        from(JmsBatchComponent.SCHEME + ":topic:" + workflow.eventsTopic()
                        + "?subscription=" + properties.eventsSubscription()
                        + "&consumers=" + properties.eventsConsumers())
                .routeId("status-mail")
                .errorHandler(noErrorHandler())
                .transform(method(JmsBatchComponent.class, "messagesOf")).id("status-mail-read-events")
                .bean("statusMails", "onEvents").id("owe-status-mails");
    }
}
