package id.pintu.security;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts edited staff files in force while the hub runs: the users file (a clerk joins, leaves, gets a new password or
 * another role) and the acting file (a Plt/Plh appointed for next week). The route {@code staff-reload} looks at both
 * every {@code pintu.security.check-interval}; {@code POST /api/admin/staff/reload} does it at once.
 *
 * <p>From the next request on, a login is checked against the new users: the API (HTTP Basic) on every call, and a
 * browser session whose user was removed or whose password or roles changed is ended at its next page
 * ({@link StaffSessions}). A file the office cannot run on changes nothing: the problem is logged once and shown
 * by {@code GET /api/admin/staff} until it is mended. Each change goes to the audit trail ({@code STAFF_RELOADED},
 * usernames only); if the database is away, the record is written at the next check. Each hub reloads its own copy
 * of the files.
 */
@Component
public class StaffReload {

    private static final Logger LOG = LoggerFactory.getLogger(StaffReload.class);

    /** What a reload changed, for the API. */
    public record Outcome(boolean changed, Instant at, String by, String summary, List<String> usersAdded,
            List<String> usersRemoved, List<String> usersChanged, List<ActingOfficials.Appointment> actingAdded,
            List<ActingOfficials.Appointment> actingRemoved, List<ActingOfficials.Appointment> actingWithoutUser) {}

    private final UserDirectory users;
    private final ActingOfficials acting;
    private final AuditTrail audit;
    private final Clock clock;

    private final List<Outcome> unaudited = new ArrayList<>();
    private volatile Outcome last;
    private volatile String problem;

    public StaffReload(UserDirectory users, ActingOfficials acting, AuditTrail audit, Clock clock) {
        this.users = users;
        this.acting = acting;
        this.audit = audit;
        this.clock = clock;
    }

    /** Called by the route {@code staff-reload}; a file that cannot be used is logged once (see reload). */
    public void check() {
        try {
            reload("staff-check");
        } catch (StaffFileException e) {
            // The staff in force stay; the problem is shown by GET /api/admin/staff until mended.
        }
    }

    /**
     * Reads the users file and then the acting file again if they changed. Throws {@link StaffFileException} for a
     * file the office cannot run on; a users file that can be used is in force even if the acting file cannot.
     */
    public synchronized Outcome reload(String by) {
        Optional<UserDirectory.Change> userChange = Optional.empty();
        Optional<ActingOfficials.Change> actingChange = Optional.empty();
        StaffFileException refused = null;
        try {
            userChange = users.reloadIfChanged();
            actingChange = acting.reloadIfChanged();
        } catch (StaffFileException e) {
            refused = e;
        }
        UserDirectory.Change u = userChange.orElse(new UserDirectory.Change(List.of(), List.of(), List.of()));
        ActingOfficials.Change a = actingChange.orElse(new ActingOfficials.Change(List.of(), List.of()));
        List<ActingOfficials.Appointment> orphaned = acting.withoutUser();
        Outcome outcome;
        if (u.isEmpty() && a.isEmpty()) {
            outcome = new Outcome(false, clock.instant(), by, userChange.isPresent() || actingChange.isPresent()
                    ? "the staff files changed, but no user or appointment did" : "the staff files are as they were",
                    List.of(), List.of(), List.of(), List.of(), List.of(), orphaned);
        } else {
            // In force already (a users file that can be used is, even if the acting file then cannot).
            outcome = new Outcome(true, clock.instant(), by, summary(u, a), u.added(), u.removed(), u.changed(),
                    a.added(), a.removed(), orphaned);
            last = outcome;
            unaudited.add(outcome);
            LOG.info("Staff change in force: {}", outcome.summary());
            if (!orphaned.isEmpty()) {
                LOG.warn("{} acting appointment(s) name a user who is no longer in the users file and give nobody a"
                        + " role: {}", orphaned.size(), orphaned.stream().map(x -> x.user() + " as " + x.actor()).toList());
            }
        }
        if (refused != null) {
            if (!refused.getMessage().equals(problem)) {
                LOG.warn("A staff file changed but cannot be used; what it says is not in force. {}",
                        refused.getMessage());
            }
            problem = refused.getMessage();
            try {
                writeUnaudited();
            } catch (RuntimeException databaseAway) {
                refused.addSuppressed(databaseAway);
            }
            throw refused;
        }
        problem = null;
        // Throws while the database is away: the change is in force, its record is written at the next check.
        writeUnaudited();
        return outcome;
    }

    /** The last reload that changed something (null if none since start-up). */
    public Outcome last() {
        return last;
    }

    /** Why the files on disk are not in force, if they are not. */
    public String problem() {
        return problem;
    }

    private void writeUnaudited() {
        while (!unaudited.isEmpty()) {
            Outcome o = unaudited.get(0);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("summary", o.summary());
            after.put("usersAdded", o.usersAdded());
            after.put("usersChanged", o.usersChanged());
            after.put("actingAdded", o.actingAdded().stream().map(StaffReload::describe).toList());
            after.put("at", o.at().toString());
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("usersRemoved", o.usersRemoved());
            before.put("actingRemoved", o.actingRemoved().stream().map(StaffReload::describe).toList());
            audit.append(new AuditTrail.Record(o.by(), AuditActions.STAFF_RELOADED, null, "staff", before, after,
                    null));
            unaudited.remove(0);
        }
    }

    private static String describe(ActingOfficials.Appointment a) {
        return a.user() + " as " + a.actor() + " (" + (a.kind() == null ? "acting" : a.kind()) + ") " + a.from()
                + " to " + a.to();
    }

    private static String summary(UserDirectory.Change u, ActingOfficials.Change a) {
        List<String> parts = new ArrayList<>();
        if (!u.added().isEmpty()) {
            parts.add("users added " + u.added());
        }
        if (!u.removed().isEmpty()) {
            parts.add("users removed " + u.removed());
        }
        if (!u.changed().isEmpty()) {
            parts.add("users changed " + u.changed());
        }
        if (!a.added().isEmpty()) {
            parts.add("acting appointments added " + a.added().stream().map(StaffReload::describe).toList());
        }
        if (!a.removed().isEmpty()) {
            parts.add("acting appointments removed " + a.removed().stream().map(StaffReload::describe).toList());
        }
        return String.join("; ", parts);
    }
}
