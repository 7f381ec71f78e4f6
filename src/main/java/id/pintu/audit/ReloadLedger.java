package id.pintu.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * What a reload of the office's files while the hub runs keeps between two reloads: the last change it put in
 * force, why the files on disk are not in force (if they are not), and the audit records of changes not yet written
 * because the database was away. A change is in force as soon as it is read, whether or not its record could be
 * written then; the record is written at the next reload, in order.
 *
 * <p>Not thread-safe on its own: a reload holds its own lock while it calls {@link #changed} and {@link #finish}.
 *
 * @param <O> the reload's outcome
 */
public final class ReloadLedger<O> {

    private final AuditTrail audit;
    private final Function<O, AuditTrail.Record> record;
    private final Logger log;
    private final String refusal;

    private final List<O> unaudited = new ArrayList<>();
    private volatile O last;
    private volatile String problem;

    /**
     * @param record the audit record of one change
     * @param refusal what the log says (once per distinct problem) when files cannot be used, before the problems
     */
    public ReloadLedger(AuditTrail audit, Function<O, AuditTrail.Record> record, Logger log, String refusal) {
        this.audit = audit;
        this.record = record;
        this.log = log;
        this.refusal = refusal;
    }

    /** A change is in force: it is the last one, and its audit record is owed. */
    public void changed(O outcome) {
        last = outcome;
        unaudited.add(outcome);
    }

    /**
     * Ends a reload. With problems: logs them (unless they are the ones logged last), writes the owed records it can
     * and throws the refusal {@code exception} makes of them (a database that is away is added to it as suppressed).
     * Without: clears the problem and writes the owed records, throwing while the database is away (the change is in
     * force; its record is written at the next reload).
     */
    public <E extends RuntimeException> void finish(List<String> problems, Function<String, E> exception) {
        if (!problems.isEmpty()) {
            E refused = exception.apply(String.join("\n", problems));
            if (!refused.getMessage().equals(problem)) {
                log.warn("{} {}", refusal, refused.getMessage());
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
        writeUnaudited();
    }

    /** The last reload that changed something (null if none since start-up). */
    public O last() {
        return last;
    }

    /** Why some files on disk are not in force, if they are not. */
    public String problem() {
        return problem;
    }

    private void writeUnaudited() {
        while (!unaudited.isEmpty()) {
            audit.append(record.apply(unaudited.get(0)));
            unaudited.remove(0);
        }
    }
}
