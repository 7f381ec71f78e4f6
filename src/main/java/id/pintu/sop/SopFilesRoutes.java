package id.pintu.sop;

import id.pintu.messaging.DatabaseOutageLog;
import id.pintu.messaging.ScheduledErrorHandling;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code sop-files-reload}: every {@code pintu.sop.files-check-interval}, an edited, new or removed document plan, mail
 * rules file or dossier list is put in force ({@link SopFilesReload}). Each hub looks at its own copy of the files; one
 * that cannot be used is logged once and looked at again at every check until it is mended.
 */
@Component
class SopFilesRoutes extends RouteBuilder {

    private final SopProperties properties;

    SopFilesRoutes(SopProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        Duration interval = properties.filesCheckInterval();
        long every = Math.max(1, interval.toMillis());
        from("timer:sop-files-reload?delay=" + every + "&period=" + every)
                .routeId("sop-files-reload")
                .routeConfigurationId(ScheduledErrorHandling.ID)
                .routePolicyRef(DatabaseOutageLog.BEAN)
                .autoStartup(!interval.isZero() && !interval.isNegative())
                .bean("sopFilesReload", "check").id("reload-changed-sop-files");
    }
}
