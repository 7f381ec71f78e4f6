package id.pintu.messaging;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling of the scheduled routes (timer and Quartz); routes opt in with {@code routeConfigurationId(ID)} and
 * {@code routePolicyRef(DatabaseOutageLog.BEAN)} (the policy notices the first run that succeeds again; a route
 * configuration's onCompletion would be skipped in this Camel version, CAMEL-25135). A run that finds the database
 * away is skipped quietly (see {@link DatabaseOutageLog}): the next run picks up what is due. Any other failure keeps
 * Camel's default handling (an ERROR with the stack trace).
 */
@Component
public class ScheduledErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "scheduled-error-handling";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(QueueErrorHandling.DATABASE_AWAY)
                    .handled(true)
                    .process(exchange -> outageLog(exchange).skipped(exchange.getFromRouteId(),
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                .end();
    }

    private static DatabaseOutageLog outageLog(Exchange exchange) {
        return exchange.getContext().getRegistry().lookupByNameAndType(DatabaseOutageLog.BEAN, DatabaseOutageLog.class);
    }
}
