package id.pintu.common;

import org.slf4j.MDC;

/**
 * The case a thread is working on, in the logging context (SLF4J MDC), so that every log line written meanwhile
 * carries the case's tracking code and step ({@code %X{case}}, {@code %X{step}} in {@code logback-spring.xml}) and
 * {@code grep PTU-26-XXXXXXX} follows a case. A scope restores what was there before when it closes, so nested
 * scopes work and a pooled thread (HTTP, JMS consumer, outbox relay) never carries one case's code into the next
 * case's lines.
 */
public final class CaseLog {

    public static final String CASE = "case";
    public static final String STEP = "step";

    /** Closes without a checked exception, for try-with-resources. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final Scope NOTHING = () -> { };

    private CaseLog() {}

    /** The case (and its step, or none) until the scope closes. */
    public static Scope of(String trackingCode, Object step) {
        if (trackingCode == null) {
            return NOTHING;
        }
        String previousCase = MDC.get(CASE);
        String previousStep = MDC.get(STEP);
        MDC.put(CASE, trackingCode);
        set(STEP, step == null ? null : step.toString());
        return () -> {
            set(CASE, previousCase);
            set(STEP, previousStep);
        };
    }

    /** Another step of the case already in the context (e.g. the step a task enters, not the one completed). */
    public static Scope step(Object step) {
        if (MDC.get(CASE) == null || step == null) {
            return NOTHING;
        }
        String previousStep = MDC.get(STEP);
        MDC.put(STEP, step.toString());
        return () -> set(STEP, previousStep);
    }

    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
