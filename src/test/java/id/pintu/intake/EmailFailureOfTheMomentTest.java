package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * An email whose handling failed for a reason of the moment (a deadlock or lock timeout, a query timeout, the
 * connection lost) stays unseen and is fetched again; one that failed for a reason of its own goes to the review
 * queue, so that a bad email never blocks the mailbox.
 */
class EmailFailureOfTheMomentTest {

    @Test
    void failuresOfTheMomentAreTriedAgainAndOthersReviewed() {
        assertThat(EmailIntake.passing(new CannotAcquireLockException("lock timeout"))).isTrue();
        assertThat(EmailIntake.passing(new QueryTimeoutException("slow"))).isTrue();
        assertThat(EmailIntake.passing(new DataAccessResourceFailureException("connection lost"))).isTrue();
        assertThat(EmailIntake.passing(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(EmailIntake.passing(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("pool exhausted")))).as("found as a cause").isTrue();

        assertThat(EmailIntake.passing(new DataIntegrityViolationException("value too long"))).isFalse();
        assertThat(EmailIntake.passing(new IllegalArgumentException("unparseable date"))).isFalse();
    }
}
