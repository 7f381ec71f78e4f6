package id.pintu.oss.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The sandbox's switches as {@code POST /oss-sandbox/control} takes and returns them. In a request every field is
 * optional: only the ones given change. Rates are 0..1 and random per call; the {@code *Next} counters apply to
 * the next calls, for exact tests. {@code rejectNext} calls are answered with {@code rejectKode} (e.g. 400).
 * {@code expireKeys} forgets all issued security keys; {@code reset} returns to the configured values.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxSwitches(
        Boolean down,
        Long latencyMs,
        Double errorRate,
        Double timeoutRate,
        Double duplicateRate,
        Integer errorNext,
        Integer timeoutNext,
        Integer duplicateNext,
        Integer rejectNext,
        Integer rejectKode,
        Long timeoutSleepMs,
        Boolean expireKeys,
        Boolean reset) {

    static SandboxSwitches of(SandboxProperties p) {
        return new SandboxSwitches(p.down(), p.latency().toMillis(), p.errorRate(), p.timeoutRate(),
                p.duplicateRate(), 0, 0, 0, 0, 400, p.timeoutSleep().toMillis(), null, null);
    }

    /** These switches with the given change applied (fields that are null in {@code change} stay). */
    SandboxSwitches with(SandboxSwitches change) {
        return new SandboxSwitches(
                pick(change.down, down), pick(change.latencyMs, latencyMs), pick(change.errorRate, errorRate),
                pick(change.timeoutRate, timeoutRate), pick(change.duplicateRate, duplicateRate),
                pick(change.errorNext, errorNext), pick(change.timeoutNext, timeoutNext),
                pick(change.duplicateNext, duplicateNext), pick(change.rejectNext, rejectNext),
                pick(change.rejectKode, rejectKode), pick(change.timeoutSleepMs, timeoutSleepMs), null, null);
    }

    String validate() {
        for (Double rate : new Double[] {errorRate, timeoutRate, duplicateRate}) {
            if (rate < 0 || rate > 1) {
                return "rates must be between 0 and 1";
            }
        }
        if (latencyMs < 0 || timeoutSleepMs < 0 || errorNext < 0 || timeoutNext < 0 || duplicateNext < 0
                || rejectNext < 0) {
            return "counters and durations must not be negative";
        }
        if (rejectKode == 200 || rejectKode < 100 || rejectKode > 999) {
            return "rejectKode must be an error kode (for example 400)";
        }
        return null;
    }

    private static <T> T pick(T change, T current) {
        return change != null ? change : current;
    }
}
