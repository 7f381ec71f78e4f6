package id.pintu.report;

import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.ScheduledErrorHandling;
import id.pintu.sla.SlaProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code report-weekly}: at {@code pintu.reports.weekly.cron} (Monday 07:00 office time by default) the head of
 * office's weekly report goes out by email ({@link WeeklyReport}). A run missed while the hub was down is not made up
 * for (the dashboard shows the same figures at any moment).
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
    }
}
