package id.pintu.sop;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.audit.ReloadLedger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts the office's edits of an SOP's own files in force while the hub runs: its document plan
 * ({@code config/documents}), its mail rules ({@code config/mail}) and its dossier list ({@code config/dossier}), so
 * that a service installed without a restart ({@code POST /api/admin/sops/import}) also gets its letters, status mails
 * and checklist without one. The route {@code sop-files-reload} looks at them every
 * {@code pintu.sop.files-check-interval}, {@code POST /api/admin/sops/files/reload} does it at once, and so does the
 * installation of an SOP version (a plan written before its SOP was installed goes in with it).
 *
 * <p>Each file is put in force on its own, after the checks the start makes (a plan's steps, documents, templates and
 * placeholders; a mail rule's event, step, outcome, template and attachments; a dossier's requirements and
 * completeness step). A file that fails them changes nothing for its SOP: the problem is logged once and shown by
 * {@code GET /api/admin/sops/files} until it is mended. A removed file leaves its SOP without documents, status mails
 * or checklist from then on. A case already running gets what is in force when each of its steps is handled. Each
 * change goes to the audit trail ({@code SOP_FILES_RELOADED}); if the database is away, the record is written at the
 * next check. Each hub reloads its own copy of the files.
 */
@Component
public class SopFilesReload {

    private static final Logger LOG = LoggerFactory.getLogger(SopFilesReload.class);

    /** What a reload changed, for the API: per kind of file ({@code documents}, {@code mail}, {@code dossier}). */
    public record Outcome(boolean changed, Instant at, String by, String summary, Map<String, SopFiles.Change> files) {}

    private final List<SopFiles> files;
    private final Clock clock;
    private final ReloadLedger<Outcome> ledger;

    public SopFilesReload(List<SopFiles> files, SopCatalog catalog, AuditTrail audit, Clock clock) {
        this.files = List.copyOf(files);
        this.clock = clock;
        this.ledger = new ReloadLedger<>(audit, SopFilesReload::record, LOG,
                "An SOP file changed but cannot be used; what was in force for its SOP stays.");
        catalog.onVersionsAdded(added -> {
            if (Thread.holdsLock(this)) {
                // A reload under way loaded the version by looking up the SOP a file names: it goes on with it.
                return;
            }
            try {
                reload("sop-installed");
            } catch (RuntimeException e) {
                // The version is installed; the files are looked at again at the next check.
                LOG.debug("SOP files not reloaded after an installation: {}", e.getMessage());
            }
        });
    }

    /** Called by the route {@code sop-files-reload}; a file that cannot be used is logged once (see reload). */
    public void check() {
        try {
            reload("sop-files-check");
        } catch (SopFilesException e) {
            // What was in force stays; the problem is shown by GET /api/admin/sops/files until mended.
        }
    }

    /**
     * Reads every feature's files again and puts each changed one that can be used in force. Throws
     * {@link SopFilesException} naming the files that cannot be used (the others are in force then).
     */
    public synchronized Outcome reload(String by) {
        Map<String, SopFiles.Change> changes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (SopFiles f : files) {
            SopFiles.Change c = f.files().reload();
            problems.addAll(c.problems());
            if (!c.changesNothing()) {
                changes.put(f.files().kind(), new SopFiles.Change(c.added(), c.changed(), c.removed(), List.of()));
            }
        }
        Outcome outcome;
        if (changes.isEmpty()) {
            outcome = new Outcome(false, clock.instant(), by, "the SOP files in force are as they were", Map.of());
        } else {
            outcome = new Outcome(true, clock.instant(), by, summary(changes), Collections.unmodifiableMap(changes));
            ledger.changed(outcome);
            LOG.info("SOP files in force: {}", outcome.summary());
            changes.forEach((kind, c) -> {
                if (!c.removed().isEmpty()) {
                    LOG.warn("The {} file of SOP(s) {} was removed: from now on they have none", kind, c.removed());
                }
            });
        }
        ledger.finish(problems, SopFilesException::new);
        return outcome;
    }

    /** Per kind of file: its directory and the SOPs with a file in force. */
    public Map<String, Map<String, Object>> inForce() {
        Map<String, Map<String, Object>> view = new LinkedHashMap<>();
        for (SopFiles f : files) {
            view.put(f.files().kind(), Map.of("directory", f.files().directory().toString(), "sops", f.files().sops()));
        }
        return view;
    }

    /** The last reload that changed something (null if none since start-up). */
    public Outcome last() {
        return ledger.last();
    }

    /** Why some files on disk are not in force, if they are not. */
    public String problem() {
        return ledger.problem();
    }

    private static AuditTrail.Record record(Outcome o) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("summary", o.summary());
        Map<String, Object> before = new LinkedHashMap<>();
        o.files().forEach((kind, c) -> {
            after.put(kind, Map.of("added", c.added(), "changed", c.changed()));
            before.put(kind, Map.of("removed", c.removed()));
        });
        after.put("at", o.at().toString());
        return new AuditTrail.Record(o.by(), AuditActions.SOP_FILES_RELOADED, null, "sop-files", before, after, null);
    }

    private static String summary(Map<String, SopFiles.Change> changes) {
        List<String> parts = new ArrayList<>();
        changes.forEach((kind, c) -> {
            if (!c.added().isEmpty()) {
                parts.add(kind + " added " + c.added());
            }
            if (!c.changed().isEmpty()) {
                parts.add(kind + " changed " + c.changed());
            }
            if (!c.removed().isEmpty()) {
                parts.add(kind + " removed " + c.removed());
            }
        });
        return String.join("; ", parts);
    }
}
