package id.pintu.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the scheduled routes (outbox poll, SLA scan, abandon check, SOP refresh, retention purge) say while the
 * database is out of reach: one WARN line when a route first finds it away, a reminder every
 * {@link #REMINDER_EVERY} with the number of runs skipped meanwhile, and one INFO line when the route ran again,
 * instead of an ERROR with a stack trace on every run (every second for the outbox poll). The skipped runs lose
 * nothing: each run takes whatever is due from the database, so the next run after the outage does the work.
 */
@Component(DatabaseOutageLog.BEAN)
public class DatabaseOutageLog extends RoutePolicySupport {

    public static final String BEAN = "databaseOutageLog";

    static final Duration REMINDER_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageLog.class);

    private final Clock clock;
    private final ConcurrentMap<String, Outage> outages = new ConcurrentHashMap<>();

    public DatabaseOutageLog(Clock clock) {
        this.clock = clock;
    }

    private static final class Outage {
        final Instant since;
        Instant reminded;
        long skipped;

        Outage(Instant since) {
            this.since = since;
            this.reminded = since;
        }
    }

    /** A run of {@code routeId} found the database away and was skipped. */
    public void skipped(String routeId, Throwable cause) {
        Instant now = clock.instant();
        Outage fresh = new Outage(now);
        Outage outage = outages.putIfAbsent(routeId, fresh);
        if (outage == null) {
            fresh.skipped = 1;
            log.warn("Database out of reach: {} skips its runs until it is back ({})", routeId, rootMessage(cause));
            return;
        }
        synchronized (outage) {
            outage.skipped++;
            if (Duration.between(outage.reminded, now).compareTo(REMINDER_EVERY) >= 0) {
                outage.reminded = now;
                log.warn("Database still out of reach after {} s: {} skipped {} runs so far ({})",
                        Duration.between(outage.since, now).toSeconds(), routeId, outage.skipped, rootMessage(cause));
            }
        }
    }

    /** A run of {@code routeId} completed: if it had been skipping, say that it runs again. */
    public void ran(String routeId) {
        if (outages.isEmpty()) {
            return;
        }
        Outage outage = outages.remove(routeId);
        if (outage != null) {
            log.info("Database reachable again: {} runs again after {} s ({} runs skipped)", routeId,
                    Duration.between(outage.since, clock.instant()).toSeconds(), outage.skipped);
        }
    }

    /** As the routes' policy: a run that completed without an error (handled or not) is a run that worked. */
    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        if (exchange.getException() == null && exchange.getProperty(Exchange.EXCEPTION_CAUGHT) == null) {
            ran(route.getRouteId());
        }
    }

    /** Whether {@code routeId} is skipping its runs now (for tests and the console). */
    public boolean isSkipping(String routeId) {
        return outages.containsKey(routeId);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
