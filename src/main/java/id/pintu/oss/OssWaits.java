package id.pintu.oss;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a case stands waiting on the national OSS system: a call of the case that OSS has not taken yet. Either it
 * is being sent or retried while OSS is away ({@link Kind#OSS}), or OSS refused it or the retries ran out and staff
 * must sort it out ({@link Kind#STAFF}, an open failure in {@code /api/oss/failures}). The next step opens only once
 * OSS took the call, so for the applicant and the office this is where the case is.
 */
@Component
public class OssWaits {

    public enum Kind { OSS, STAFF }

    /** What the case waits for, after which step. */
    public record Wait(int step, Kind kind) {}

    private final OssRepository repository;

    public OssWaits(OssRepository repository) {
        this.repository = repository;
    }

    /** The call this case waits on, if any (the first not yet taken by OSS). */
    public Optional<Wait> of(String applicationId) {
        return repository.callsOf(applicationId).stream()
                .filter(c -> c.status() != OssRepository.CallStatus.DONE
                        && c.status() != OssRepository.CallStatus.CANCELLED)
                .map(c -> new Wait(c.step(), c.status() == OssRepository.CallStatus.PENDING ? Kind.OSS : Kind.STAFF))
                .findFirst();
    }
}
