package id.pintu.security;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.audit.ReloadLedger;
import id.pintu.sla.Supervision;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinitionException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts edited staff files in force while the hub runs: the actors file (a post added for a new service, or renamed),
 * the supervision file (who answers for whom, where breach mails go), the users file (a clerk joins, leaves, gets a
 * new password or another role) and the acting file (a Plt/Plh appointed for next week, a clerk's leave), in that
 * order, so that a new actor, its place in the chain and its first users can arrive in one go. The route
 * {@code staff-reload} looks at them every {@code pintu.security.check-interval}; {@code POST /api/admin/staff/reload}
 * does it at once.
 *
 * <p>A new actor gets its durable queue and its inbox at once ({@code inbox-<actor>}), and an SOP that names it can
 * then be installed. The actors file and the supervision file are put in force together or not at all (a new actor
 * needs its place in the chain); removing an actor, or changing which one is the applicant, takes a restart. From the
 * next request on, a login is checked against the new users: the API (HTTP Basic) on every call, and a browser
 * session whose user was removed or whose password or roles changed is ended at its next page
 * ({@link StaffSessions}). A file the office cannot run on changes nothing: the problem is logged once and shown by
 * {@code GET /api/admin/staff} until it is mended. Each change goes to the audit trail ({@code STAFF_RELOADED},
 * usernames and actor ids only); if the database is away, the record is written at the next check. Each hub reloads
 * its own copy of the files.
 */
@Component
public class StaffReload {

    private static final Logger LOG = LoggerFactory.getLogger(StaffReload.class);

    /** What a reload changed, for the API. */
    public record Outcome(boolean changed, Instant at, String by, String summary, List<String> actorsAdded,
            List<String> actorsRenamed, boolean supervisionChanged, List<String> usersAdded,
            List<String> usersRemoved, List<String> usersChanged, List<ActingOfficials.Appointment> actingAdded,
            List<ActingOfficials.Appointment> actingRemoved, List<ActingOfficials.Appointment> actingWithoutUser,
            List<ActingOfficials.Absence> absentAdded, List<ActingOfficials.Absence> absentRemoved) {}

    private final SopCatalog catalog;
    private final Supervision supervision;
    private final UserDirectory users;
    private final ActingOfficials acting;
    private final ActingNotices notices;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ReloadLedger<Outcome> ledger;

    public StaffReload(SopCatalog catalog, Supervision supervision, UserDirectory users, ActingOfficials acting,
            AuditTrail audit, ActingNotices notices, TransactionTemplate tx, Clock clock) {
        this.catalog = catalog;
        this.notices = notices;
        this.tx = tx;
        this.supervision = supervision;
        this.users = users;
        this.acting = acting;
        this.clock = clock;
        this.ledger = new ReloadLedger<>(audit, StaffReload::record, LOG,
                "A staff file changed but cannot be used; what it says is not in force.");
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
     * Reads the actors and supervision files, then the users file and then the acting file again if they changed.
     * Throws {@link StaffFileException} for a file the office cannot run on; what the other files say is in force if
     * it can be (a users file that can be used is, even if the acting file cannot; the actors and supervision files
     * only together).
     */
    public synchronized Outcome reload(String by) {
        List<String> problems = new ArrayList<>();
        Optional<SopCatalog.ActorsChange> actorChange = Optional.empty();
        Optional<Supervision.Prepared> chain = Optional.empty();
        try {
            actorChange = catalog.actorsFileChange();
            chain = supervision.prepare(actorChange.map(SopCatalog.ActorsChange::next).orElse(catalog.actors()),
                    actorChange.isPresent());
        } catch (SopDefinitionException | IllegalStateException e) {
            problems.add(e.getMessage());
            actorChange = Optional.empty();
            chain = Optional.empty();
        }
        boolean chainChanged = chain.map(supervision::differs).orElse(false);
        chain.ifPresent(supervision::apply);
        actorChange.ifPresent(catalog::applyActors);
        List<String> actorsAdded = actorChange.map(SopCatalog.ActorsChange::added).orElse(List.of());
        List<String> actorsRenamed = actorChange.map(SopCatalog.ActorsChange::renamed).orElse(List.of());

        Optional<UserDirectory.Change> userChange = Optional.empty();
        Optional<ActingOfficials.Change> actingChange = Optional.empty();
        try {
            userChange = users.reloadIfChanged();
            actingChange = acting.reloadIfChanged();
        } catch (StaffFileException e) {
            problems.add(e.getMessage());
        }
        UserDirectory.Change u = userChange.orElse(new UserDirectory.Change(List.of(), List.of(), List.of()));
        ActingOfficials.Change a = actingChange.orElse(ActingOfficials.Change.NONE);
        List<ActingOfficials.Appointment> orphaned = acting.withoutUser();
        boolean anyFileChanged = actorChange.isPresent() || chain.isPresent() || userChange.isPresent()
                || actingChange.isPresent();
        Outcome outcome;
        if (u.isEmpty() && a.isEmpty() && actorsAdded.isEmpty() && actorsRenamed.isEmpty() && !chainChanged) {
            outcome = new Outcome(false, clock.instant(), by, anyFileChanged
                    ? "the staff files changed, but no actor, supervisor, user, appointment or absence did"
                    : "the staff files are as they were",
                    List.of(), List.of(), false, List.of(), List.of(), List.of(), List.of(), List.of(), orphaned,
                    List.of(), List.of());
        } else {
            // In force already (each file that can be used is, even if another then cannot).
            outcome = new Outcome(true, clock.instant(), by, summary(actorsAdded, actorsRenamed, chainChanged, u, a),
                    actorsAdded, actorsRenamed, chainChanged, u.added(), u.removed(), u.changed(), a.added(),
                    a.removed(), orphaned, a.absencesAdded(), a.absencesRemoved());
            ledger.changed(outcome);
            LOG.info("Staff change in force: {}", outcome.summary());
            announce(a);
            if (!orphaned.isEmpty()) {
                LOG.warn("{} acting appointment(s) name a user who is no longer in the users file and give nobody a"
                        + " role: {}", orphaned.size(), orphaned.stream().map(x -> x.user() + " as " + x.actor()).toList());
            }
        }
        ledger.finish(problems, StaffFileException::new);
        return outcome;
    }

    /**
     * Tells the appointees of the acting file's change by email ({@link ActingNotices}): of an appointment added that
     * is not over, that they are appointed; of one removed that is not over, that it ended early (begun before today:
     * yesterday was its last day, as on the leave page) or was withdrawn (not begun); of one whose last day IT brought
     * forward (same user, role and first day), that it ended early on its new last day, and no more. The change is in
     * force already: a mail that cannot be queued now (the database away) is logged, not retried.
     */
    private void announce(ActingOfficials.Change change) {
        LocalDate today = acting.today();
        Path file = acting.file();
        List<Runnable> mails = new ArrayList<>();
        List<String> whom = new ArrayList<>();
        List<ActingOfficials.Appointment> shortened = new ArrayList<>();
        for (ActingOfficials.Appointment gone : change.removed()) {
            if (gone.to().isBefore(today)) {
                continue;
            }
            Optional<ActingOfficials.Appointment> next = change.added().stream()
                    .filter(p -> p.user().equals(gone.user()) && p.actor().equals(gone.actor())
                            && !p.to().isBefore(gone.from()) && !p.from().isAfter(gone.to()))
                    .findFirst();
            if (next.isEmpty()) {
                boolean withdrawn = !gone.from().isBefore(today);
                LocalDate lastDay = withdrawn ? gone.to() : today.minusDays(1);
                mails.add(() -> notices.endedInFile(gone, withdrawn, lastDay, file));
                whom.add(gone.user() + " no longer " + gone.actor());
            } else if (next.get().from().equals(gone.from()) && next.get().to().isBefore(gone.to())) {
                shortened.add(next.get());
                mails.add(() -> notices.endedInFile(gone, false, next.get().to(), file));
                whom.add(gone.user() + " as " + gone.actor() + " until " + next.get().to());
            }
        }
        for (ActingOfficials.Appointment p : change.added()) {
            if (!p.to().isBefore(today) && !shortened.contains(p)) {
                mails.add(() -> notices.appointedInFile(p, file));
                whom.add(p.user() + " as " + p.actor());
            }
        }
        if (mails.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> mails.forEach(Runnable::run));
        } catch (RuntimeException e) {
            LOG.warn("The acting file's change {} is in force but the appointees were not told by email: {}", whom,
                    e.toString());
        }
    }

    /** The last reload that changed something (null if none since start-up). */
    public Outcome last() {
        return ledger.last();
    }

    /** Why the files on disk are not in force, if they are not. */
    public String problem() {
        return ledger.problem();
    }

    private static AuditTrail.Record record(Outcome o) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("summary", o.summary());
        after.put("actorsAdded", o.actorsAdded());
        after.put("actorsRenamed", o.actorsRenamed());
        after.put("supervisionChanged", o.supervisionChanged());
        after.put("usersAdded", o.usersAdded());
        after.put("usersChanged", o.usersChanged());
        after.put("actingAdded", o.actingAdded().stream().map(StaffReload::describe).toList());
        after.put("absentAdded", o.absentAdded().stream().map(StaffReload::describe).toList());
        after.put("at", o.at().toString());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("usersRemoved", o.usersRemoved());
        before.put("actingRemoved", o.actingRemoved().stream().map(StaffReload::describe).toList());
        before.put("absentRemoved", o.absentRemoved().stream().map(StaffReload::describe).toList());
        return new AuditTrail.Record(o.by(), AuditActions.STAFF_RELOADED, null, "staff", before, after, null);
    }

    private static String describe(ActingOfficials.Appointment a) {
        return a.user() + " as " + a.actor() + " (" + (a.kind() == null ? "acting" : a.kind()) + ") " + a.from()
                + " to " + a.to();
    }

    private static String describe(ActingOfficials.Absence a) {
        return a.user() + " away " + a.from() + " to " + a.to() + (a.reason() == null ? "" : " (" + a.reason() + ")");
    }

    private static String summary(List<String> actorsAdded, List<String> actorsRenamed, boolean chainChanged,
            UserDirectory.Change u, ActingOfficials.Change a) {
        List<String> parts = new ArrayList<>();
        if (!actorsAdded.isEmpty()) {
            parts.add("actors added " + actorsAdded);
        }
        if (!actorsRenamed.isEmpty()) {
            parts.add("actors renamed " + actorsRenamed);
        }
        if (chainChanged) {
            parts.add("supervision chain changed");
        }
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
        if (!a.absencesAdded().isEmpty()) {
            parts.add("absences added " + a.absencesAdded().stream().map(StaffReload::describe).toList());
        }
        if (!a.absencesRemoved().isEmpty()) {
            parts.add("absences removed " + a.absencesRemoved().stream().map(StaffReload::describe).toList());
        }
        return String.join("; ", parts);
    }
}
