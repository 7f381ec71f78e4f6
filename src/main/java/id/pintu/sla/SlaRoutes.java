package id.pintu.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.calendar.CalendarProperties;
import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.ScheduledErrorHandling;
import id.pintu.security.SecurityProperties;
import id.pintu.workflow.WorkflowEndpoints;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.stereotype.Component;

/**
 * <ul>
 *   <li>{@code sla-escalation-scan}: a Quartz cron (one trigger for all tasks, never one per task) asks the
 *       {@link EscalationScanner} to look at the tasks near or past their due date;</li>
 *   <li>{@code sla-escalation-to-queue}: an escalation committed in the outbox becomes a persistent message on
 *       the reminder queue of the task's actor (level 1) or the escalation queue of its supervisor (level 2);</li>
 *   <li>{@code sla-late-applicant-messages}: on the same cron, applicants' emails not answered within
 *       {@code pintu.intake.answer-within} are reported once to the front office's supervisor
 *       ({@link LateApplicantMessages});</li>
 *   <li>{@code calendar-reload}: every {@code pintu.calendar.check-interval}, a changed calendar file is put in force
 *       and the open tasks' due dates follow it ({@link CalendarReload});</li>
 *   <li>{@code release-stranded-claims}: every {@code pintu.security.check-interval}, tasks held by someone who no
 *       longer holds their actor (an acting appointment ended, a user removed) go back to the actor's inbox
 *       ({@link StrandedClaims}).</li>
 * </ul>
 */
@Component
public class SlaRoutes extends RouteBuilder {

    public static final String ESCALATION_OUTBOX = WorkflowEndpoints.OUTBOX_PREFIX + "escalation";

    private final SlaProperties properties;
    private final CalendarProperties calendar;
    private final SecurityProperties security;
    private final ObjectMapper json;

    public SlaRoutes(SlaProperties properties, CalendarProperties calendar, SecurityProperties security,
            ObjectMapper json) {
        this.properties = properties;
        this.calendar = calendar;
        this.security = security;
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

        // The applicants' emails past their answer time, reported to the front office's supervisor (same cron)
        from("quartz:pintu-sla/late-applicant-messages?stateful=true&cron=" + properties.scanCronUriOption())
                .routeId("sla-late-applicant-messages")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .bean("lateApplicantMessages", "report").id("report-late-applicant-messages");

        // Each hub looks at its own copy of the files; one that cannot be used is logged once and looked at again
        // at every check until it is mended (CalendarReload.check).
        long every = Math.max(1, calendar.checkInterval().toMillis());
        // The first check soon after the start: files changed while the hub was stopped are revised for at once
        from("timer:calendar-reload?delay=" + Math.min(every, 2000) + "&period=" + every)
                .routeId("calendar-reload")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(!calendar.checkInterval().isZero() && !calendar.checkInterval().isNegative())
                .bean("calendarReload", "check").id("reload-changed-calendar");

        // Roles change with the staff files and with the calendar's days (acting appointments): looked at as often as
        // the staff files; the tasks are read only when the roles changed (StrandedClaims.check).
        long roles = Math.max(1, security.checkInterval().toMillis());
        from("timer:stranded-claims?delay=" + roles + "&period=" + roles)
                .routeId("release-stranded-claims")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(!security.checkInterval().isZero() && !security.checkInterval().isNegative())
                .bean("strandedClaims", "check").id("release-tasks-of-former-holders");

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
