package id.pintu.messaging;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Error handling of every queue consumer, in one place; routes opt in with {@code routeConfigurationId(ID)}.
 * <ul>
 *   <li>The database being away is not the message's fault: such errors are retried with back-off for as long as it
 *       takes (the consumer waits; nothing is dead-lettered for an outage).</li>
 *   <li>Anything else is retried a few times, then the message goes to the dead-letter queue with the reason, the
 *       route and the queue it came from, and the queue behind it moves on.</li>
 * </ul>
 * The dead letter carries the message as the failing route holds it, not a copy taken on arrival: Camel's
 * {@code useOriginalMessage} would copy every message of every route in the context for it. So a route that opts
 * in keeps the body it received (it reads, logs or hands it to a bean, and replaces it with nothing else).
 */
@Component
public class QueueErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "queue-error-handling";

    /**
     * What the database being away (or coming back) throws, as opposed to a fault of the message; shared with the
     * scheduled routes ({@link ScheduledErrorHandling}). {@code TransactionSystemException}: a commit cut off by the
     * database going away, outcome unknown; every consumer is idempotent, so it is tried again.
     */
    @SuppressWarnings("unchecked")
    static final Class<? extends Throwable>[] DATABASE_AWAY = new Class[] {CannotGetJdbcConnectionException.class,
            CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, RecoverableDataAccessException.class, TransactionSystemException.class};

    private final MessagingProperties properties;

    public QueueErrorHandling(MessagingProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(DATABASE_AWAY)
                    .maximumRedeliveries(-1)
                    .redeliveryDelay(500)
                    .useExponentialBackOff()
                    .backOffMultiplier(2)
                    .maximumRedeliveryDelay(30_000)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .logRetryAttempted(true)
                .end()
                .onException(Exception.class)
                    .maximumRedeliveries(properties.localRetries())
                    .redeliveryDelay(200)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .handled(true)
                    .setHeader(MessagingHeaders.DEAD_LETTER_REASON,
                            simple("${exception.class.simpleName}: ${exception.message}"))
                    .setHeader(MessagingHeaders.DEAD_LETTER_ROUTE, simple("${routeId}"))
                    .setHeader(MessagingHeaders.ORIGINAL_DESTINATION, simple("${exchange.fromEndpoint.endpointUri}"))
                    .log(LoggingLevel.ERROR, "pintu.dead-letter",
                            "Dead-lettered from ${routeId}: ${exception.class.simpleName}: ${exception.message}")
                    .to("jms:queue:" + properties.deadLetterQueue())
                .end();
    }
}
