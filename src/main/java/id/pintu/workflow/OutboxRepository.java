package id.pintu.workflow;

import static id.pintu.workflow.ApplicationRepository.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The transactional outbox: events written with the state change, routed after commit, deleted once routed. */
@Repository
public class OutboxRepository {

    public record Event(String id, String kind, String applicationId, String payload, int attempts) {}

    private final JdbcClient jdbc;

    public OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an event that no poll takes before {@code availableAt} (see {@link OutboxRelayProperties#hold()}). */
    public void insert(String id, String kind, String applicationId, String payload, Instant now, Instant availableAt) {
        insertWaiting(id, kind, applicationId, payload, now, availableAt, null, null);
    }

    /**
     * Records an event that, with {@code reason} set, waits for another feature's output from the start (as if a
     * first try had failed for want of it): {@link #releaseWaiting} makes it due when {@code waitsFor} (or, if
     * null, any output of the case) is reported.
     */
    public void insertWaiting(String id, String kind, String applicationId, String payload, Instant now,
            Instant availableAt, String reason, String waitsFor) {
        jdbc.sql("INSERT INTO outbox (id, kind, application_id, payload, created_at, available_at, attempts, last_error,"
                        + " waits_for) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(id, kind, applicationId, payload, ts(now), ts(availableAt), reason, waitsFor)
                .update();
    }

    /** An event's id and kind, enough to pick the relay threads that route it. */
    public record Ref(String id, String kind) {}

    /**
     * The events due now, oldest first: of the given kinds ({@code these} true), or of every other kind ({@code
     * these} false; with no kinds given, of every kind).
     */
    public List<String> due(Instant now, int limit, List<String> kinds, boolean these) {
        if (kinds.isEmpty() && these) {
            return List.of();
        }
        String ofKinds = kinds.isEmpty() ? "" : " AND kind " + (these ? "IN" : "NOT IN") + " (:kinds)";
        var query = jdbc.sql("SELECT id FROM outbox WHERE available_at <= :now" + ofKinds
                        + " ORDER BY available_at LIMIT :limit")
                .param("now", ts(now)).param("limit", limit);
        return (kinds.isEmpty() ? query : query.param("kinds", kinds)).query(String.class).list();
    }

    /**
     * Takes a lease on one event: whoever moves {@code available_at} into the future owns it until then. Two relays
     * racing for the same row cannot both win; a relay that dies loses its lease when it expires.
     */
    public Optional<Event> lease(String id, Instant now, Instant until) {
        // The lease clears the last error: an event being routed is no longer one that waits (releaseWaiting).
        int won = jdbc.sql("UPDATE outbox SET available_at = ?, attempts = attempts + 1, last_error = NULL"
                        + " WHERE id = ? AND available_at <= ?")
                .params(ts(until), id, ts(now))
                .update();
        return won == 0 ? Optional.empty() : read(id);
    }

    /**
     * Keeps an event being routed from any other relay until {@code until} at least (a send that outlasts the
     * event's hold or lease, such as a mail to a slow server, would otherwise be taken and done a second time).
     */
    public void holdUntil(String id, Instant until) {
        jdbc.sql("UPDATE outbox SET available_at = ? WHERE id = ? AND available_at < ?")
                .params(ts(until), id, ts(until))
                .update();
    }

    private Optional<Event> read(String id) {
        return jdbc.sql("SELECT id, kind, application_id, payload, attempts FROM outbox WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .optional();
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM outbox WHERE id = ?").param(id).update();
    }

    /**
     * Deletes routed events in one statement (one commit for all of them). The list is padded, by repeating its
     * last id, to the next power of two: a handful of statement texts instead of one per batch size, so the
     * database's statement cache answers instead of parsing every batch anew.
     */
    public void delete(List<String> ids) {
        if (ids.size() == 1) {
            delete(ids.get(0));
        } else if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM outbox WHERE id IN (:ids)").param("ids", padded(ids)).update();
        }
    }

    static List<String> padded(List<String> ids) {
        int size = Integer.highestOneBit(ids.size() - 1) << 1;
        if (size == ids.size()) {
            return ids;
        }
        List<String> padded = new ArrayList<>(size);
        padded.addAll(ids);
        while (padded.size() < size) {
            padded.add(ids.get(ids.size() - 1));
        }
        return padded;
    }

    /** A failed try: due again at {@code at}; {@code waitsFor}, if the failure was a wait, names what for. */
    public void retryLater(String id, Instant at, String error, String waitsFor) {
        jdbc.sql("UPDATE outbox SET available_at = ?, last_error = ?, waits_for = ? WHERE id = ?")
                .params(ts(at), error == null ? null : error.substring(0, Math.min(error.length(), 2000)), waitsFor,
                        id)
                .update();
    }

    /** The event's payload from now on (its route did part of the work: the rest is tried again). */
    public void replacePayload(String id, String payload) {
        jdbc.sql("UPDATE outbox SET payload = ? WHERE id = ?").params(payload, id).update();
    }

    /**
     * Makes the events of a case that wait (a try failed, or they were recorded waiting) due at once, if they wait
     * for one of {@code outputs} or for any output of the case; an event leased meanwhile is left alone. Returns how
     * many were released.
     */
    public int releaseWaiting(String applicationId, Instant now, Collection<String> outputs) {
        var update = jdbc.sql(releaseSql(outputs.isEmpty())).param("now", ts(now)).param("case", applicationId);
        return (outputs.isEmpty() ? update : update.param("outputs", outputs)).update();
    }

    /** The release's statement; it finds the case's events by the index {@code outbox_case}. */
    static String releaseSql(boolean anyOutput) {
        return "UPDATE outbox SET available_at = :now WHERE application_id = :case AND last_error IS NOT NULL"
                + " AND available_at > :now AND "
                + (anyOutput ? "waits_for IS NULL" : "(waits_for IS NULL OR waits_for IN (:outputs))");
    }

    /**
     * The case's events that wait and are due (released, or their back-off is over) and that nobody holds (a lease
     * clears the error).
     */
    public List<Ref> waiting(String applicationId, Instant now) {
        return jdbc.sql("SELECT id, kind FROM outbox WHERE application_id = ? AND last_error IS NOT NULL"
                        + " AND available_at <= ?")
                .params(applicationId, ts(now))
                .query((rs, n) -> new Ref(rs.getString(1), rs.getString(2)))
                .list();
    }

    /**
     * Takes a lease on an event that waits out its back-off after a failure, whatever its due time: the lease
     * clears the error, so of this, the poll and another hub's relay exactly one wins. Such an early try does not
     * count as an attempt: a case whose documents come one by one wakes its waiting mail for each, and counting
     * those would double the back-off and turn the wait into warnings within seconds.
     */
    public Optional<Event> leaseWaiting(String id, Instant until) {
        int won = jdbc.sql("UPDATE outbox SET available_at = ?, last_error = NULL"
                        + " WHERE id = ? AND last_error IS NOT NULL")
                .params(ts(until), id)
                .update();
        return won == 0 ? Optional.empty() : read(id);
    }

    /**
     * Whether an event of this kind and case whose payload contains {@code fragment} is still in the outbox (the index
     * on the case narrows the search to that case's rows).
     */
    public boolean holds(String kind, String applicationId, String fragment) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE application_id = ? AND kind = ? AND payload LIKE ?")
                .params(applicationId, kind, "%" + fragment + "%")
                .query(Long.class).single() > 0;
    }

    public long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single();
    }
}
