package id.pintu.oss;

import jakarta.jms.JMSException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.jms.JmsException;
import org.springframework.stereotype.Component;

/**
 * Error handling of the OSS call route, in one place: a failed attempt (timeout, 5xx, OSS down, circuit open) is
 * redelivered with exponential backoff; a refusal by OSS is not. When the retries are spent, or at once for a
 * refusal, the call is recorded as a failure for staff ({@code direct:oss-failed}); the message is then done, so
 * nothing sits unseen in a dead-letter queue.
 */
@Component
class OssErrorHandling extends RouteConfigurationBuilder {

    static final String ID = "oss-error-handling";
    static final String FAILED = "direct:oss-failed";

    private final OssProperties properties;

    OssErrorHandling(OssProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configuration() {
        OssProperties.Retry retry = properties.retry();
        routeConfiguration(ID)
                // The broker's session is gone (a broker restart, a lost connection): redelivering on it in place
                // fails the same way, with back-off, for minutes (seen in the crash battery: the OSS consumer stood
                // 70 s after the broker was back), and the spent retries then recorded a staff failure for a call OSS
                // had answered. Raised to the listener, which reconnects; the broker delivers the message again, and
                // a call already answered is not made twice.
                .onException(JmsException.class, JMSException.class)
                    .id("oss-broker-session-lost")
                    .handled(false)
                    .maximumRedeliveries(0)
                .end()
                .onException(OssRejectedException.class)
                    .id("oss-refused")
                    .handled(true)
                    .maximumRedeliveries(0)
                    .to(FAILED)
                .end()
                .onException(Exception.class)
                    .id("oss-retry-then-fail")
                    .handled(true)
                    .maximumRedeliveries(retry.maxAttempts())
                    .redeliveryDelay(retry.delay().toMillis())
                    .useExponentialBackOff()
                    .backOffMultiplier(retry.multiplier())
                    .maximumRedeliveryDelay(retry.maxDelay().toMillis())
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .logRetryStackTrace(false)
                    .logStackTrace(false)
                    .to(FAILED)
                .end();
    }
}
