package id.pintu.security;

import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.ScheduledErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code staff-reload}: every {@code pintu.security.check-interval}, an edited actors, supervision, users or acting file
 * is put in force ({@link StaffReload}). Each hub looks at its own copy of the files; one that cannot be used is
 * logged once and looked at again at every check until it is mended. {@code leave-and-acting-refresh}: as often, the
 * leave and the Plt/Plh recorded on the leave page are read from the database ({@link LeaveAndActing}).
 */
@Component
class StaffRoutes extends RouteBuilder {

    private final SecurityProperties properties;

    StaffRoutes(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        long every = Math.max(1, properties.checkInterval().toMillis());
        from("timer:staff-reload?delay=" + every + "&period=" + every)
                .routeId("staff-reload")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(!properties.checkInterval().isZero() && !properties.checkInterval().isNegative())
                .bean("staffReload", "check").id("reload-changed-staff-files");

        // The leave and appointments recorded on the leave page, by this hub or another sharing the database
        from("timer:leave-and-acting-refresh?delay=" + every + "&period=" + every)
                .routeId("leave-and-acting-refresh")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(!properties.checkInterval().isZero() && !properties.checkInterval().isNegative())
                .bean("leaveAndActing", "refresh").id("read-leave-and-acting");
    }
}
