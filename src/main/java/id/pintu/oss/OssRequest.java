package id.pintu.oss;

import java.time.Instant;
import java.util.Map;

/**
 * One call to OSS as it waits on the durable request queue: what to send, and what the workflow needs to continue
 * once OSS answered (the completed step, the next step and the outbox id from which the next task's id is derived).
 *
 * @param key the idempotency key {@code <applicationId>:<step>:<method>}, sent to OSS with the call
 * @param data the case data the payload is built from (snapshot at hand-over; the applicant's and company's identity
 *     is taken from the case again at each attempt, see {@code OssBridge.call})
 */
public record OssRequest(
        String key,
        String integration,
        String method,
        String applicationId,
        String sopCode,
        int sopVersion,
        int step,
        int nextStep,
        String outboxId,
        Map<String, String> data,
        Instant requestedAt) {

    public static String key(String applicationId, int step, String method) {
        return applicationId + ":" + step + ":" + method;
    }

    /** The key of the {@code visit}-th pass through the step: the first keeps the plain key, later ones ":n". */
    public static String key(String applicationId, int step, String method, int visit) {
        return key(applicationId, step, method) + (visit > 1 ? ":" + visit : "");
    }
}
