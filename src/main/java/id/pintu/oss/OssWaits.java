package id.pintu.oss;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a case stands waiting for the national OSS system: a call of the case that OSS has not yet taken (it is
 * being sent or retried while OSS is away). The next step opens only once OSS took it, so for the applicant and the
 * office this is where the case is.
 */
@Component
public class OssWaits {

    private final OssRepository repository;

    public OssWaits(OssRepository repository) {
        this.repository = repository;
    }

    /** The SOP step whose OSS call is still pending for this case, if any. */
    public Optional<Integer> pendingAfterStep(String applicationId) {
        return repository.callsOf(applicationId).stream()
                .filter(c -> c.status() == OssRepository.CallStatus.PENDING)
                .map(OssRepository.Call::step)
                .findFirst();
    }
}
