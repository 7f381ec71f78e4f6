package id.pintu.intake;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.common.TimeOrderedIds;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.mail.DossierFacts;
import id.pintu.security.SafePdf;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.WorkflowException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossier of a case: each file the applicant sent is checked (content, size), matched to a required document
 * by its name (or, for a PDF whose name matches nothing, by its title: the first words of its own text) and stored;
 * the findings say what is present, missing or unacceptable, and the clerk can correct a match. Runs inside the
 * caller's transaction.
 */
@Service
public class DossierService implements DossierFacts {

    public static final String UNMATCHED_KIND = "lampiran";
    public static final String RAW_EMAIL_KIND = "email-asli";
    public static final String PRESENT = "PRESENT";
    public static final String MISSING = "MISSING";
    public static final String INVALID = "INVALID";

    private final DossierRequirements requirements;
    private final ContentCheck check;
    private final DocumentStore documents;
    private final DossierRepository items;
    private final ApplicationRepository applications;
    private final Clock clock;
    private final AuditTrail audit;
    private final SafePdf safePdf;

    public DossierService(DossierRequirements requirements, ContentCheck check, DocumentStore documents,
            DossierRepository items, ApplicationRepository applications, Clock clock, AuditTrail audit,
            SafePdf safePdf) {
        this.safePdf = safePdf;
        this.audit = audit;
        this.requirements = requirements;
        this.check = check;
        this.documents = documents;
        this.items = items;
        this.applications = applications;
        this.clock = clock;
    }

    /** The email a dossier's files came in, kept whole with the case for staff (kind {@code email-asli}). */
    public StoredDocument keepOriginal(Application app, byte[] raw, String by, Integer step) {
        return documents.store(app.id(), RAW_EMAIL_KIND, step, "email-" + clock.instant().toEpochMilli() + ".eml",
                "message/rfc822", raw, StoredDocument.STAFF, by);
    }

    /** A file with the content check's verdict on it. */
    public record Judged(IncomingFile file, ContentCheck.Verdict verdict) {}

    /** Checks, matches and stores the files; a refused file is recorded with its reason but not stored apart. */
    public List<DossierItem> accept(Application app, List<IncomingFile> files, Integer stepNo, String by) {
        DossierRequirements.Dossier dossier = requirements.of(app.sopCode());
        return record(app, files.stream()
                .map(f -> new Judged(f, f.problem() != null ? new ContentCheck.Verdict(null, false, f.problem())
                        : check.check(f.name(), f.content(), dossier.hasTitles() && dossier.match(f.name()).isEmpty())))
                .toList(), stepNo, by);
    }

    /**
     * Matches and stores files already judged (the counter's scans, judged against the page's own size limit before
     * the case exists), each with its dossier record.
     */
    public List<DossierItem> record(Application app, List<Judged> files, Integer stepNo, String by) {
        DossierRequirements.Dossier dossier = requirements.of(app.sopCode());
        List<DossierItem> out = new ArrayList<>();
        for (Judged j : files) {
            IncomingFile f = j.file();
            ContentCheck.Verdict v = j.verdict();
            // By the file's name; a PDF whose name says nothing ("scan001.pdf") by its own title
            String key = dossier.match(f.name())
                    .or(() -> v.valid() && ContentCheck.PDF.equals(v.contentType()) && dossier.hasTitles()
                            ? dossier.matchTitle(v.firstPageText() != null ? v.firstPageText()
                                    : firstPageText(f.content())) : Optional.empty())
                    .map(DossierRequirements.Requirement::key).orElse(null);
            String documentId = null;
            if (v.valid()) {
                documentId = documents.store(app.id(), key == null ? UNMATCHED_KIND : key, stepNo, f.name(),
                        v.contentType(), f.content(), StoredDocument.APPLICANT, by).id();
            }
            Instant now = clock.instant();
            DossierItem item = new DossierItem(TimeOrderedIds.next(now), app.id(), documentId, f.name(), key,
                    v.contentType(), f.content().length, v.valid(), v.problem(), "pintu-intake", now, now);
            items.insert(item);
            out.add(item);
        }
        return out;
    }

    /**
     * The text of a PDF's first page (none for a scan, which is an image); empty when it cannot be read. For a file
     * judged without reading it (the counter's scans); the email intake's check reads it in its own opening.
     */
    private String firstPageText(byte[] pdf) {
        try (PDDocument doc = safePdf.open(pdf)) {
            return SafePdf.firstPageText(doc);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    public DossierView view(String applicationId) {
        Application app = applications.find(applicationId)
                .orElseThrow(() -> WorkflowException.notFound("no application " + applicationId));
        DossierRequirements.Dossier dossier = requirements.of(app.sopCode());
        List<DossierItem> all = items.ofApplication(applicationId);
        List<DossierView.Item> required = new ArrayList<>();
        for (DossierRequirements.Requirement r : dossier.requirements()) {
            List<DossierItem> mine = all.stream().filter(i -> r.key().equals(i.requirement())).toList();
            String status = mine.stream().anyMatch(DossierItem::valid) ? PRESENT : mine.isEmpty() ? MISSING : INVALID;
            required.add(new DossierView.Item(r.key(), r.label(), status,
                    mine.stream().map(DossierView.File::of).toList()));
        }
        List<DossierView.File> unmatched = all.stream()
                .filter(i -> i.requirement() == null || dossier.find(i.requirement()).isEmpty())
                .map(DossierView.File::of)
                .toList();
        boolean complete = required.stream().allMatch(i -> i.status().equals(PRESENT))
                && unmatched.stream().allMatch(DossierView.File::valid);
        return new DossierView(applicationId, app.sopCode(), complete, required, unmatched);
    }

    /**
     * The clerk says which required document a stored file is (or none: {@code requirement} null); the document's
     * kind follows and the change is an audit entry ({@code DOSSIER_CORRECTED}), in the same transaction.
     */
    @Transactional
    public DossierView correct(String applicationId, String documentId, String requirement, String by) {
        Application app = applications.find(applicationId)
                .orElseThrow(() -> WorkflowException.notFound("no application " + applicationId));
        DossierItem item = items.byDocument(applicationId, documentId)
                .orElseThrow(() -> WorkflowException.notFound("no document " + documentId + " in this dossier"));
        String key = requirement == null || requirement.isBlank() ? null : requirement.trim();
        if (key != null && requirements.of(app.sopCode()).find(key).isEmpty()) {
            throw WorkflowException.unprocessable("'" + key + "' is not a required document of SOP " + app.sopCode()
                    + "; one of " + requirements.of(app.sopCode()).requirements().stream()
                            .map(DossierRequirements.Requirement::key).toList());
        }
        items.rematch(item.id(), key, by, clock.instant());
        documents.reclassify(documentId, key == null ? UNMATCHED_KIND : key);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("file", item.fileName());
        before.put("requirement", item.requirement());
        before.put("matchedBy", item.matchedBy());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file", item.fileName());
        after.put("requirement", key);
        audit.append(new AuditTrail.Record(by, AuditActions.DOSSIER_CORRECTED, applicationId, documentId, before, after,
                null));
        return view(applicationId);
    }

    /** The required documents for which no acceptable file has arrived. */
    public List<DossierRequirements.Requirement> missing(String applicationId) {
        DossierView v = view(applicationId);
        DossierRequirements.Dossier dossier = requirements.of(v.sop());
        return v.required().stream()
                .filter(i -> !i.status().equals(PRESENT))
                .map(i -> dossier.find(i.key()).orElseThrow())
                .toList();
    }

    @Override
    public List<String> problems(String applicationId) {
        DossierView v = view(applicationId);
        List<String> lines = new ArrayList<>();
        for (DossierView.Item i : v.required()) {
            if (i.status().equals(MISSING)) {
                lines.add(i.label() + ": belum dilampirkan");
            } else if (i.status().equals(INVALID)) {
                for (DossierView.File f : i.files()) {
                    lines.add(i.label() + " (" + f.name() + "): " + f.problem() + "; mohon kirim ulang");
                }
            }
        }
        for (DossierView.File f : v.unmatched()) {
            if (!f.valid()) {
                lines.add("File " + f.name() + ": " + f.problem());
            }
        }
        return lines;
    }

    @Override
    public List<String> documentsReceived(String applicationId) {
        Application app = applications.find(applicationId).orElse(null);
        if (app == null) {
            return List.of();
        }
        DossierRequirements.Dossier dossier = requirements.of(app.sopCode());
        return items.ofApplication(applicationId).stream()
                .filter(DossierItem::valid)
                .map(i -> i.requirement() == null ? "Lampiran lain (" + i.fileName() + ")"
                        : dossier.find(i.requirement()).map(DossierRequirements.Requirement::label)
                                .orElse(i.requirement()) + " (" + i.fileName() + ")")
                .toList();
    }
}
