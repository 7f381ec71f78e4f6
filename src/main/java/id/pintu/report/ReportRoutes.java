package id.pintu.report;

import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.ScheduledErrorHandling;
import id.pintu.sla.SlaProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code report-weekly}: at {@code pintu.reports.weekly.cron} (Monday 07:00 office time by default) the head of
 * office's weekly report goes out by email ({@link WeeklyReport}). {@code report-weekly-catch-up},
 * {@code pintu.reports.weekly.catch-up-delay} after start-up and then every {@code catch-up-every}: this week's run,
 * if it was missed while the hub or its database was down, is made up for.
 */
@Component
@EnableConfigurationProperties(WeeklyReportProperties.class)
class ReportRoutes extends RouteBuilder {

    private final WeeklyReportProperties properties;
    private final SlaProperties sla;

    ReportRoutes(WeeklyReportProperties properties, SlaProperties sla) {
        this.properties = properties;
        this.sla = sla;
    }

    @Override
    public void configure() {
        from("quartz:pintu-reports/weekly?stateful=true&cron=" + properties.cronUriOption() + "&trigger.timeZone="
                + sla.zone().getId())
                .routeId("report-weekly")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(properties.enabled())
                .bean("weeklyReport", "send").id("send-weekly-report")
                .log("Weekly report: ${body} mail(s) queued").id("log-weekly-report");

        from("timer:pintu-reports-weekly-catch-up?delay=" + properties.catchUpDelay().toMillis()
                        + "&period=" + properties.catchUpEvery().toMillis())
                .routeId("report-weekly-catch-up")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(properties.enabled())
                .bean("weeklyReport", "catchUp").id("catch-up-weekly-report")
                .filter(body().isGreaterThan(0))
                    .log("Weekly report missed while the hub was down: ${body} mail(s) queued").id("log-catch-up")
                .end();
    }
}
