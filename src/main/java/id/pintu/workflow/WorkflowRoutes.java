package id.pintu.workflow;

import static id.pintu.workflow.WorkflowHeaders.AWAIT_APPLICANT;
import static id.pintu.workflow.WorkflowHeaders.END_STATUS;
import static id.pintu.workflow.WorkflowHeaders.NEXT_STEP;
import static id.pintu.workflow.WorkflowHeaders.OUTCOME;
import static id.pintu.workflow.WorkflowHeaders.RESUME_STEP;
import static id.pintu.workflow.WorkflowHeaders.START_STEP;
import static id.pintu.workflow.WorkflowHeaders.STEP;
import static id.pintu.workflow.WorkflowHeaders.TASK_KIND;

import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.JmsBatchComponent;
import id.pintu.messaging.JmsTransactionPolicy;
import id.pintu.messaging.ScheduledErrorHandling;
import id.pintu.sop.Actor;
import id.pintu.sop.Outcome;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.SopProperties;
import id.pintu.sop.Step;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.springframework.stereotype.Component;

/**
 * The workflow as routes, built from the SOP definitions (no SOP is written here):
 * <ul>
 *   <li>{@code workflow-transition}: a committed completion from the outbox; {@code workflow-next-step} routes it
 *       to its step's route and publishes its case event, in one JMS transaction;</li>
 *   <li>one route per SOP step and version, id {@code <sop>.step-08-pemberian-rekomendasi} (newest version) or
 *       {@code <sop>.v1.step-08-...} (older): a decision is a content-based router over its outcomes; an activity
 *       leads to its next step or ends the case;</li>
 *   <li>{@code enter-step}: the next task as a persistent message on its actor's durable queue;</li>
 *   <li>{@code inbox-<actor>}: one consumer route per actor queue, from one route template, feeding the inbox with
 *       the tasks waiting on the queue (one database transaction) and publishing their {@code STEP_ENTERED} events in
 *       the JMS transaction that takes them off it;</li>
 *   <li>{@code sop-refresh}: SOP versions another hub installed get their routes here too (see SopRoutes).</li>
 * </ul>
 */
@Component
public class WorkflowRoutes extends RouteBuilder {

    static final String ACTOR_INBOX_TEMPLATE = "actor-inbox";

    private final SopCatalog catalog;
    private final WorkflowProperties properties;
    private final ObjectMapper json;
    private final OutboxRelayProperties relay;
    private final SopProperties sops;

    public WorkflowRoutes(SopCatalog catalog, WorkflowProperties properties, ObjectMapper json,
            OutboxRelayProperties relay, SopProperties sops) {
        this.catalog = catalog;
        this.properties = properties;
        this.json = json;
        this.relay = relay;
        this.sops = sops;
    }

    @Override
    public void configure() {
        from("timer:outbox-poll?period=" + properties.outboxPollInterval().toMillis())
                .routeId("outbox-poll")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .bean("outboxRelay", "dispatchDue").id("dispatch-due-events");

        from("timer:stray-task-check?delay=15000&period=" + properties.strayTaskCheckInterval().toMillis())
                .routeId("stray-task-check")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .bean("strayTasks", "cancel").id("cancel-stray-tasks");

        from(WorkflowEndpoints.OUTBOX_WAKEUP + "?concurrentConsumers=" + relay.threads() + "&size=" + relay.queueSize()
                + "&discardWhenFull=true")
                .routeId("outbox-wakeup")
                .bean("outboxRelay", "dispatchWoken").id("dispatch-event");

        // The kinds that wait on an outside server (mail) on threads and a poll of their own: a server that hangs
        // until the timeout delays them, not the cases (OutboxRelayProperties.Outside).
        if (!relay.outside().kinds().isEmpty()) {
            from("timer:outbox-poll-outside?period=" + properties.outboxPollInterval().toMillis())
                    .routeId("outbox-poll-outside")
                    .routeConfigurationId(ScheduledErrorHandling.ID)
                    .routePolicyRef(DatabaseOutageLog.BEAN)
                    .bean("outboxRelay", "dispatchDueOutside").id("dispatch-due-outside-events");

            from(WorkflowEndpoints.OUTBOX_WAKEUP_OUTSIDE + "?concurrentConsumers=" + relay.outside().threads()
                    + "&size=" + relay.queueSize() + "&discardWhenFull=true")
                    .routeId("outbox-wakeup-outside")
                    .bean("outboxRelay", "dispatchWoken").id("dispatch-outside-event");
        }

        from(WorkflowEndpoints.TRANSITION)
                .routeId("workflow-transition")
                // No error log or redelivery on the way the relay routes an event (transition, step route,
                // enter-step): the relay retries with back-off and logs each failure once (OutboxRelay.route).
                .errorHandler(noErrorHandler())
                .unmarshal(new JacksonDataFormat(json, Transition.class)).id("read-transition")
                .bean(TransitionHeaders.class).id("transition-headers")
                .doTry()
                    .to(WorkflowEndpoints.NEXT_STEP).id("to-next-step")
                .doCatch(Exception.class)
                    // Nothing was sent. The event goes out alone: a feature may make what the transition waits for
                    // (a letter's number) when it sees the completion. The next tries route the transition only.
                    .filter(exchangeProperty(TransitionHeaders.EVENT).isNotNull())
                        .removeHeaders("*", OutboxRelay.OUTBOX_ID)
                        .setBody(exchangeProperty(TransitionHeaders.EVENT))
                        .to(WorkflowEndpoints.PUBLISH_EVENT).id("publish-event-alone")
                        .bean("transitionEvents", "publishedAlone").id("keep-transition-only")
                    .end()
                    .bean("transitionEvents", "failAgain").id("transition-failed")
                .end();

        // Rows an older hub wrote (kind STEP_COMPLETED, no event inside: theirs has a row of its own). An older hub has
        // no route for the TRANSITION rows: one that polls them fails and retries until an updated hub routes them.
        from(WorkflowEndpoints.OLDER_TRANSITION)
                .routeId("workflow-transition-older-rows")
                .errorHandler(noErrorHandler())
                .to(WorkflowEndpoints.TRANSITION).id("as-transition");

        // The next step's message (or the OSS request, or the case's end) and the change's case event commit in one
        // JMS transaction: one journal sync for both, and no listener sees the next step's STEP_ENTERED first.
        from(WorkflowEndpoints.NEXT_STEP)
                .routeId("workflow-next-step")
                .errorHandler(noErrorHandler())
                .policy(JmsTransactionPolicy.BEAN)
                .choice().id("transition-kind")
                    .when(header(TASK_KIND).isEqualTo(TaskKind.CLARIFICATION.name())).id("applicant-answered")
                        .setHeader(NEXT_STEP, header(RESUME_STEP))
                        .to(WorkflowEndpoints.ENTER_STEP)
                    .when(header(STEP).isNull()).id("case-start")
                        .setHeader(NEXT_STEP, header(START_STEP))
                        .to(WorkflowEndpoints.ENTER_STEP)
                    .otherwise()
                        // The case's SOP version, loaded with its routes if another hub installed it a moment ago.
                        .bean("sopRoutes", "ensure").id("ensure-sop-version")
                        // The step route of the version the case started on (see WorkflowEndpoints.stepEndpoint).
                        .toD("direct:${header." + WorkflowHeaders.SOP_CODE + "}.v${header." + WorkflowHeaders.SOP_VERSION
                                + "}.step-${header." + STEP + "}")
                            .id("to-step-route")
                .end()
                .filter(exchangeProperty(TransitionHeaders.EVENT).isNotNull())
                    // The event's own headers only, not the task message's.
                    .removeHeaders("*", OutboxRelay.OUTBOX_ID)
                    .setBody(exchangeProperty(TransitionHeaders.EVENT))
                    .to(WorkflowEndpoints.PUBLISH_EVENT).id("publish-event")
                .end();

        // A case event (the body), with the headers the subscribers select on, to the durable topic.
        from(WorkflowEndpoints.PUBLISH_EVENT)
                .routeId("publish-case-event")
                .errorHandler(noErrorHandler())
                .process(e -> CaseEventHeaders.apply(e.getIn().getBody(CaseEvent.class), e.getIn()))
                    .id("case-event-keys")
                .marshal(new JacksonDataFormat(json, CaseEvent.class)).id("write-case-event")
                .convertBodyTo(String.class)
                .to("jms:topic:" + properties.eventsTopic() + "?deliveryPersistent=true").id("publish-to-events-topic");

        for (SopDefinition sop : catalog.allVersions()) {
            addStepRoutes(this, sop, catalog.isNewest(sop));
        }
        // SOPs installed while the hub runs: on this hub at once (SopImportController), from other hubs here.
        long refresh = sops.refreshInterval().toMillis();
        from("timer:sop-refresh?delay=" + refresh + "&period=" + refresh)
                .routeId("sop-refresh")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .bean("sopRoutes", "refresh").id("load-new-sop-versions");

        from(WorkflowEndpoints.ENTER_STEP)
                .routeId("enter-step")
                .errorHandler(noErrorHandler())
                .bean("taskProjection", "prepare").id("prepare-task")
                .marshal(new JacksonDataFormat(json, TaskMessage.class)).id("write-task")
                .toD("jms:queue:${header." + WorkflowHeaders.ACTOR_QUEUE + "}?deliveryPersistent=true")
                    .id("to-actor-queue");

        from(WorkflowEndpoints.OUTBOX_PREFIX + "case-event")
                .routeId("case-events")
                .errorHandler(noErrorHandler())
                // Headers for the subscribers' selectors; the body goes out as the outbox holds it (no re-encoding).
                .process(new CaseEventHeaders(json)).id("case-event-headers")
                .to("jms:topic:" + properties.eventsTopic() + "?deliveryPersistent=true").id("to-events-topic");

        from(WorkflowEndpoints.CASE_FINISHED)
                .routeId("case-finished")
                .bean("workflowService", "finish(${header." + WorkflowHeaders.APPLICATION_ID + "}, ${header."
                        + END_STATUS + "})").id("close-case");

        routeTemplate(ACTOR_INBOX_TEMPLATE)
                .templateParameter("queue")
                .templateParameter("consumers")
                .templateParameter("batch")
                // What waits on the queue, up to pintu.workflow.inbox-batch-size tasks, in one JMS transaction
                // (JmsBatchConsumer: a failed batch is handled message by message, a message that keeps failing is
                // dead-lettered).
                .from(JmsBatchComponent.SCHEME
                        + ":queue:{{queue}}?consumers={{consumers}}&maxBatch={{batch}}&joinTransaction=true")
                .errorHandler(noErrorHandler())
                .bean("taskProjection", "enterAll").id("enter-tasks")
                // The STEP_ENTERED events are published in the JMS transaction that takes the tasks off the queue
                // (no outbox row): the acknowledgement and the events commit together, after the inbox rows did.
                // Published again if the batch is handled again: the listeners ignore an event id they have seen.
                .split(body()).id("publish-entered-events")
                    // The event's own headers only.
                    .removeHeaders("*")
                    .to(WorkflowEndpoints.PUBLISH_EVENT).id("publish-step-entered")
                .end();

        for (Actor actor : catalog.actors().values()) {
            TemplatedRouteDefinition inbox = templatedRoute(ACTOR_INBOX_TEMPLATE).routeId(inboxRouteId(actor.id()));
            inboxParameters(properties, actor.id()).forEach(inbox::parameter);
        }
    }

    /** The route that enters the tasks of {@code actor}'s queue into its inbox. */
    public static String inboxRouteId(String actor) {
        return "inbox-" + actor;
    }

    /** The parameters of the route template {@value #ACTOR_INBOX_TEMPLATE} for one actor. */
    static Map<String, String> inboxParameters(WorkflowProperties properties, String actor) {
        return Map.of("queue", properties.queueOf(actor),
                "consumers", String.valueOf(properties.consumersPerQueue()),
                "batch", String.valueOf(properties.inboxBatchSize()));
    }

    /** The routes of one version of one SOP, on {@code builder} (this class at start-up, or a runtime builder). */
    public static void addStepRoutes(RouteBuilder builder, SopDefinition sop, boolean newest) {
        for (Step step : sop.steps()) {
            stepRoute(builder, sop, step, newest);
        }
    }

    private static void stepRoute(RouteBuilder b, SopDefinition sop, Step step, boolean newest) {
        String id = routeId(sop, step, newest);
        RouteDefinition route = b.from(WorkflowEndpoints.stepEndpoint(sop.code(), sop.versionOrDefault(), step.no()))
                .routeId(id)
                .errorHandler(b.noErrorHandler())
                .description("SOP " + sop.code() + " step " + step.no() + ": " + step.name());
        if (step.isDecision()) {
            ChoiceDefinition choice = route.choice().id(id + "-outcome");
            for (Outcome o : step.outcomesOrEmpty()) {
                choice.when(b.header(OUTCOME).isEqualTo(o.id())).id(id + "-" + o.id())
                        .setHeader(NEXT_STEP, b.constant(o.next()))
                        .setHeader(AWAIT_APPLICANT, b.constant(o.awaitApplicant()))
                        .to(WorkflowEndpoints.ENTER_STEP);
            }
            choice.otherwise()
                    .throwException(IllegalStateException.class, "Step " + step.no() + " has no outcome ${header." + OUTCOME + "}")
                    .end();
        } else if (step.next() != null && step.integration() != null) {
            // The step's effect in an external system (e.g. OSS) must be confirmed before the next step starts:
            // the integration route continues to enter-step once the other side answered.
            route.setHeader(NEXT_STEP, b.constant(step.next()))
                    .to(WorkflowEndpoints.integrationEndpoint(step.integration())).id(id + "-" + step.integration());
        } else if (step.next() != null) {
            route.setHeader(NEXT_STEP, b.constant(step.next())).to(WorkflowEndpoints.ENTER_STEP);
        } else {
            route.setHeader(END_STATUS, b.constant(CaseStatus.valueOf(step.end().name())))
                    .to(WorkflowEndpoints.CASE_FINISHED);
        }
    }

    /**
     * A stable, readable route id: {@code <sop>.step-08-pemberian-rekomendasi} for the newest version of the SOP,
     * {@code <sop>.v1.step-08-pemberian-rekomendasi} for an older one that running cases still follow.
     */
    static String routeId(SopDefinition sop, Step step, boolean newest) {
        String slug = Normalizer.normalize(step.name(), Normalizer.Form.NFD)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-[^-]*$", "");
        }
        return newest
                ? String.format("%s.step-%02d-%s", sop.code(), step.no(), slug)
                : String.format("%s.v%d.step-%02d-%s", sop.code(), sop.versionOrDefault(), step.no(), slug);
    }
}
