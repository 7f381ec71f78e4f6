package id.pintu.sla;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the hub's clock with one the test moves. */
@TestConfiguration(proxyBeanMethods = false)
public class SlaTestClock {

    /** Monday 6 July 2026, 08:00 WIB: an ordinary working morning. */
    public static final Instant START = Instant.parse("2026-07-06T01:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }
}
