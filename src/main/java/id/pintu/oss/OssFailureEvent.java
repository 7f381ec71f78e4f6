package id.pintu.oss;

import java.time.Instant;

/** Published on the failure topic when an OSS call's retries are spent: a task for staff, with the error. */
public record OssFailureEvent(
        String failureId,
        String applicationId,
        int step,
        String method,
        String key,
        String error,
        int attempts,
        Instant at) {

    public static final String KIND = "OSS_FAILURE";
}
