package id.pintu.sla;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.audit.CaseEventAudit;
import id.pintu.security.ActingOfficials;
import id.pintu.security.StaffUser;
import id.pintu.security.UserDirectory;
import id.pintu.sop.SopCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A task held by someone who no longer holds its actor goes back to the actor's inbox. Roles change without anyone
 * touching the task: a Plt/Plh appointment ends at midnight, a user's leave begins (an absence in the acting file:
 * the audit entry and the case's history say until when), a user leaves the users file or is given other roles.
 * The holder can no longer complete the task, and while it is held nobody else can take it: without this, it would
 * wait in the inbox under the name of someone who cannot act on it until its supervisor noticed and released it.
 *
 * <p>Each release is a conditional update (the task is released only from the holder who was found) and an audit
 * entry {@code TASK_RELEASED} by {@code system}, with the holder before, in one transaction; the case's history shows
 * it. The route {@code release-stranded-claims} calls {@link #check} every {@code pintu.security.check-interval}; it
 * reads the tasks only when the roles the staff hold today differ from those at its last completed check: at start-up,
 * after a staff file changed, on the first check of a day an appointment begins or ends. Hubs sharing a database may
 * both look; the conditional update lets one of them release each task.
 */
@Component("strandedClaims")
public class StrandedClaims {

    private static final Logger LOG = LoggerFactory.getLogger(StrandedClaims.class);

    private final EscalationRepository repository;
    private final UserDirectory users;
    private final ActingOfficials acting;
    private final SopCatalog catalog;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    private Map<String, Set<String>> checked;

    public StrandedClaims(EscalationRepository repository, UserDirectory users, ActingOfficials acting,
            SopCatalog catalog, AuditTrail audit, TransactionTemplate tx) {
        this.repository = repository;
        this.users = users;
        this.acting = acting;
        this.catalog = catalog;
        this.audit = audit;
        this.tx = tx;
    }

    /** Releases the stranded tasks if the staff's roles changed since the last check; how many it released. */
    public synchronized int check() {
        Map<String, Set<String>> roles = rolesToday();
        if (roles.equals(checked)) {
            return 0;
        }
        int released = releaseStranded(roles);
        checked = roles;
        return released;
    }

    private int releaseStranded(Map<String, Set<String>> roles) {
        int released = 0;
        for (EscalationRepository.Holding h : repository.holdings()) {
            if (catalog.isApplicant(h.actor()) || roles.getOrDefault(h.claimedBy(), Set.of()).contains(h.actor())) {
                continue;
            }
            for (EscalationRepository.TaskState task : repository.heldBy(h.claimedBy(), h.actor())) {
                Map<String, Object> why = acting.absentToday(task.claimedBy()).map(StrandedClaims::away)
                        .orElse(Map.of());
                Boolean done = tx.execute(s -> {
                    if (!repository.releaseFrom(task.taskId(), task.claimedBy())) {
                        return false;
                    }
                    audit.append(SupervisorActions.holderChange(CaseEventAudit.SYSTEM, AuditActions.TASK_RELEASED,
                            task, null, why));
                    return true;
                });
                if (Boolean.TRUE.equals(done)) {
                    released++;
                    LOG.info("Task {} (step {}) released back to the inbox of {}: {} {}", task.taskId(),
                            task.stepNo(), task.actor(), task.claimedBy(),
                            why.isEmpty() ? "no longer holds that role" : "is away until " + why.get("awayUntil"));
                }
            }
        }
        if (released > 0) {
            LOG.warn("{} task(s) were held by staff who no longer hold their role; they are back in their roles'"
                    + " inboxes", released);
        }
        return released;
    }

    /** Why the holder cannot act: away, until when and (if the file says) why. */
    private static Map<String, Object> away(ActingOfficials.Absence a) {
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("awayUntil", a.to().toString());
        if (a.reason() != null) {
            why.put("awayReason", a.reason());
        }
        return why;
    }

    /** Each user's roles today, own and acting, sorted so that two maps compare by content. */
    private Map<String, Set<String>> rolesToday() {
        Map<String, Set<String>> roles = new TreeMap<>();
        for (StaffUser u : users.all()) {
            roles.put(u.username(), new TreeSet<>(acting.rolesOf(u)));
        }
        return roles;
    }
}
