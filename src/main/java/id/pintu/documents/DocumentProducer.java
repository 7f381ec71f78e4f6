package id.pintu.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.security.StaffUser;
import id.pintu.security.UserDirectory;
import id.pintu.sla.LatestFinish;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.OutboxRelay;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns case events into documents, as the SOP's document plan says: issue a final document, produce a letter's
 * draft, record an initial (paraf) or the signature, number and seal. Each effect is recorded keyed on (task, role),
 * so a repeated event does nothing. The effects of one batch of events commit together, in one database transaction
 * (a case's ten documents were ten commits, each a chunk of H2's file written under its store lock); a batch that
 * fails is handed over again message by message by the consumer (JmsBatchConsumer), each then in a transaction of
 * its own. Initials and the signature are read from the case's history, not only from the event at hand: if events
 * arrive out of order, the sealed letter still carries every initial.
 */
@Component
public class DocumentProducer {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentProducer.class);
    private static final String PDF = "application/pdf";
    private static final String HUB = "pintu";

    /**
     * What was signed (later edits of a template do not change it): the letter's content, and who signed it as the
     * users file named them then, so that a letter numbered and sealed after its signatory left the office or changed
     * rank still carries the signature it was signed with. {@code signer} is null in letters frozen before it was
     * kept (their signatory is looked up).
     */
    record Frozen(String perihal, String lampiran, List<String> addressee, String body, Signer signer) {

        Frozen signedBy(StaffUser u) {
            return new Frozen(perihal, lampiran, addressee, body, Signer.of(u));
        }
    }

    record Signer(String username, String fullName, String rank, String nip, String position) {

        static Signer of(StaffUser u) {
            return u == null ? null : new Signer(u.username(), u.fullName(), u.rank(), u.nip(), u.position());
        }
    }

    private final DocumentCatalog catalog;
    private final SopCatalog sops;
    private final ApplicationRepository applications;
    private final TaskRepository tasks;
    private final UserDirectory users;
    private final DocumentStore store;
    private final LetterRepository letters;
    private final AgendaBook agenda;
    private final SealRegistry seals;
    private final FieldReports reports;
    private final PdfRenderer renderer;
    private final DocumentSigner signer;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectMapper json;
    private final DocumentsProperties properties;
    private final ZoneId zone;
    private final OutboxRelay relay;

    private final LatestFinish latestFinish;

    public DocumentProducer(DocumentCatalog catalog, SopCatalog sops, ApplicationRepository applications,
            TaskRepository tasks, UserDirectory users, DocumentStore store, LetterRepository letters,
            AgendaBook agenda, SealRegistry seals, FieldReports reports, PdfRenderer renderer, DocumentSigner signer,
            TransactionTemplate tx, Clock clock, ObjectMapper json, DocumentsProperties properties, OutboxRelay relay,
            LatestFinish latestFinish) {
        this.latestFinish = latestFinish;
        this.relay = relay;
        this.catalog = catalog;
        this.sops = sops;
        this.applications = applications;
        this.tasks = tasks;
        this.users = users;
        this.store = store;
        this.letters = letters;
        this.agenda = agenda;
        this.seals = seals;
        this.reports = reports;
        this.renderer = renderer;
        this.signer = signer;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
        this.zone = ZoneId.of(properties.timeZone());
    }

    /**
     * The documents of a batch of case events (their JSON texts), made in one database transaction; once it has
     * committed, what waited for them (a mail with the PDF attached, the permit's hand-over to OSS) is retried.
     */
    public void onBatch(List<String> events) throws JsonProcessingException {
        List<Due> due = CaseEvent.readAll(json, events).stream().map(this::due).flatMap(Optional::stream).toList();
        if (due.isEmpty()) {
            return;
        }
        List<Made> made = new ArrayList<>();
        tx.executeWithoutResult(status -> due.forEach(d -> d.actions().forEach(
                a -> apply(d.plan(), a, d.event()).ifPresent(made::add))));
        Map<String, Set<String>> outputs = new LinkedHashMap<>();
        for (Made m : made) {
            if (m.again()) {
                LOG.debug("Case {} step {}: {} done before; reported again", m.trackingCode(), m.stepNo(),
                        m.effect());
            } else {
                LOG.info("Case {} step {}: {} done", m.trackingCode(), m.stepNo(), m.effect());
            }
            Set<String> ofCase = outputs.computeIfAbsent(m.applicationId(), k -> new LinkedHashSet<>());
            if (m.output() != null) {
                ofCase.add(m.output());
            }
        }
        // A mail waiting for this PDF, or the permit's hand-over to OSS waiting for its number, need not wait out
        // their back-off.
        outputs.forEach(relay::retryWaiting);
    }

    /**
     * An effect of a batch, logged once the batch has committed; {@code output} names the final document it made
     * ({@link DocumentOutputs}), null for a draft; {@code again}: made before, by an earlier delivery of the event.
     */
    private record Made(String applicationId, String trackingCode, int stepNo, String effect, String output,
            boolean again) {}

    /** An event's actions under the plan in force when its batch was taken. */
    private record Due(CaseEvent event, DocumentPlan plan, List<DocumentPlan.Action> actions) {}

    /**
     * The actions of the SOP's plan that the event's step and kind call for: none for most events, which then need no
     * database transaction.
     */
    private Optional<Due> due(CaseEvent e) {
        if (e.taskId() == null || e.stepNo() == null || e.taskKind() != TaskKind.STEP) {
            return Optional.empty();
        }
        DocumentPlan.Trigger trigger = switch (e.type()) {
            case CaseEvent.STEP_ENTERED -> DocumentPlan.Trigger.ENTERED;
            case CaseEvent.STEP_COMPLETED -> DocumentPlan.Trigger.COMPLETED;
            default -> null;
        };
        Optional<DocumentPlan> plan = catalog.plan(e.sopCode());
        if (trigger == null || plan.isEmpty()) {
            return Optional.empty();
        }
        List<DocumentPlan.Action> actions = plan.get().actions().stream()
                .filter(a -> a.step() == e.stepNo() && a.on() == trigger).toList();
        return actions.isEmpty() ? Optional.empty() : Optional.of(new Due(e, plan.get(), actions));
    }

    /**
     * One action for one task, once. Runs in the caller's transaction. An action done before (the event delivered
     * again) makes nothing; if its document is final it is reported again all the same: the delivery before may have
     * committed it and died before its report, and what waits for it (a mail with the PDF attached) would otherwise
     * wait out its back-off.
     */
    private Optional<Made> apply(DocumentPlan plan, DocumentPlan.Action action, CaseEvent event) {
        String taskId = event.taskId();
        String key = action.role().name().toLowerCase(Locale.ROOT) + ":" + action.document();
        boolean isFinal = action.role() == DocumentPlan.Role.ISSUE || action.role() == DocumentPlan.Role.NUMBER;
        if (letters.effectDone(taskId, key)) {
            LOG.debug("{} of task {} already applied", key, taskId);
            return isFinal ? Optional.of(new Made(event.applicationId(), event.trackingCode(), event.stepNo(), key,
                    DocumentOutputs.finalDocument(action.document()), true)) : Optional.empty();
        }
        Task task = tasks.find(taskId).orElseThrow(() -> new IllegalStateException("no task " + taskId));
        // Signing and numbering freeze the letter's content: the case's row is locked meanwhile, so a correction of the
        // applicant's or company's identity (CaseDataCorrections) comes before, or finds the letter signed
        boolean freezes = action.role() == DocumentPlan.Role.SIGN || action.role() == DocumentPlan.Role.NUMBER;
        Case c = load(plan, action.document(), task, freezes);
        String documentId = switch (action.role()) {
            case ISSUE -> issue(c);
            case DRAFT, PARAF, SIGN -> draft(plan, c);
            case NUMBER -> seal(plan, c);
        };
        letters.effectApplied(taskId, key, task.applicationId(), action.document(), documentId, c.now);
        return Optional.of(new Made(task.applicationId(), c.app.trackingCode(), task.stepNo(), key,
                isFinal ? DocumentOutputs.finalDocument(action.document()) : null, false));
    }

    /**
     * What one document is made from. {@code letterhead} is the one in force when the document was begun: its facts,
     * place, rendering and seal all use that one, even if the office edits the letterhead meanwhile.
     */
    private record Case(Application app, SopDefinition sop, Task trigger, List<Task> history, String kind,
            DocumentPlan.Spec spec, Letterhead letterhead, Map<String, String> facts, Instant now) {

        OfficeProfile office() {
            return letterhead.profile();
        }
    }

    private Case load(DocumentPlan plan, String kind, Task trigger, boolean locked) {
        Application app = (locked ? applications.lock(trigger.applicationId())
                : applications.find(trigger.applicationId())).orElseThrow();
        SopDefinition sop = sops.require(app.sopCode(), app.sopVersion());
        List<Task> history = tasks.history(app.id());
        Instant now = clock.instant();
        Letterhead letterhead = catalog.letterhead();
        Map<String, String> facts = TemplateFacts.of(app, sop, trigger, history, reports.find(app.id()),
                letterhead.profile(), users::find, now, zone);
        // What the receipt promises the applicant: when the office's work ends at the latest (LatestFinish).
        facts.put("latestFinish", latestFinish.forCase(app, history).map(t -> IndonesianDates.dateTime(t, zone))
                .orElse("-"));
        return new Case(app, sop, trigger, history, kind, plan.documents().get(kind), letterhead, facts, now);
    }

    /** A document that is final at once (receipt, routing slip, report, recommendation): rendered and sealed. */
    private String issue(Case c) {
        Frozen content = compose(c);
        LetterContent.Signature signature = signatureOf(c.spec, Signer.of(signatory(c)), true);
        return sealAndStore(c, content, null, signature, List.of(), fileName(c.kind, c.app.trackingCode()));
    }

    /** The letter's draft with the initials so far; after the signature, its content no longer follows the template. */
    private String draft(DocumentPlan plan, Case c) {
        LetterRepository.Letter letter = catchUp(plan, c);
        if (letter.sealed()) {
            return null;
        }
        Frozen content = letter.frozenContent() != null ? thaw(letter.frozenContent()) : compose(c);
        LetterContent.Signature signature = signatureOf(c.spec,
                letter.signedBy() == null ? null : signer(content, letter.signedBy()), false);
        List<LetterContent.Initial> initials = initials(c);
        LetterContent draft = new LetterContent(c.spec.layout(), c.spec.title(), null, content.lampiran(),
                content.perihal(), content.addressee(), placeAndDate(c), content.body(), signature, initials, null,
                "DRAF");
        byte[] pdf = renderer.render(c.letterhead, draft);
        String name = "draf-" + fileName(c.kind, c.app.trackingCode()).replace(".pdf", "")
                + "-paraf-" + initials.size() + (letter.signedBy() == null ? "" : "-ttd") + ".pdf";
        return store.store(c.app.id(), c.kind, c.trigger.stepNo(), name, PDF, pdf, StoredDocument.STAFF,
                createdBy(c)).id();
    }

    /** Number from the agenda book, the verification code, the seal: the letter is final and never changes. */
    private String seal(DocumentPlan plan, Case c) {
        LetterRepository.Letter letter = catchUp(plan, c);
        if (letter.sealed()) {
            return letter.sealedDocument();
        }
        if (letter.frozenContent() == null) {
            // No signing step is configured (or it was skipped): what is numbered is what is signed.
            StaffUser s = signatory(c);
            letters.signed(c.app.id(), c.kind, s == null ? createdBy(c) : s.username(), c.now,
                    freeze(compose(c).signedBy(s)));
            letter = letters.find(c.app.id(), c.kind).orElseThrow();
        }
        Frozen content = thaw(letter.frozenContent());
        DocumentPlan.LetterType type = plan.letterTypes().get(c.spec.letterType());
        AgendaBook.Entry entry = agenda.register(c.spec.letterType(), type.pattern(), c.app.id(), c.kind,
                content.perihal() == null ? c.spec.title() : content.perihal(),
                String.join(", ", content.addressee() == null ? List.of() : content.addressee()), c.now, zone,
                createdBy(c));
        LetterContent.Signature signature = signatureOf(c.spec, signer(content, letter.signedBy()), true);
        String id = sealAndStore(c, content, entry.number(), signature, initials(c),
                fileName(c.kind, entry.number()));
        letters.sealed(c.app.id(), c.kind, entry.number(), id);
        return id;
    }

    private String sealAndStore(Case c, Frozen content, String number, LetterContent.Signature signature,
            List<LetterContent.Initial> initials, String name) {
        String code = seals.newCode();
        String url = properties.publicBaseUrl().replaceAll("/+$", "") + "/verifikasi/" + code;
        LetterContent final_ = new LetterContent(c.spec.layout(), c.spec.title(), number, content.lampiran(),
                content.perihal(), content.addressee(), placeAndDate(c), content.body(), signature, initials,
                new LetterContent.Verification(code, url), null);
        byte[] pdf = signer.sign(renderer.render(c.letterhead, final_), new DocumentSigner.Request(
                signature.fullName() == null ? c.office().name() : signature.fullName(),
                c.spec.title() + (number == null ? "" : " " + number), c.office().city(), c.now));
        StoredDocument doc = store.store(c.app.id(), c.kind, c.trigger.stepNo(), name, PDF, pdf,
                c.spec.audience().name(), createdBy(c));
        seals.record(new SealRegistry.Seal(code, doc.id(), c.app.id(), c.kind, c.spec.title(), number,
                c.app.company().name(), c.now, doc.sha256()));
        return doc.id();
    }

    /** Records the initials and the signature the history shows for this letter; returns the letter, locked. */
    private LetterRepository.Letter catchUp(DocumentPlan plan, Case c) {
        LetterRepository.Letter letter = letters.lockOrCreate(c.app.id(), c.kind, c.now);
        if (letter.sealed()) {
            return letter;
        }
        for (DocumentPlan.Action a : plan.actions()) {
            if (!a.document().equals(c.kind)) {
                continue;
            }
            List<Task> done = c.history.stream()
                    .filter(t -> t.stepNo() == a.step() && t.kind() == TaskKind.STEP)
                    .filter(t -> t.status() == TaskStatus.COMPLETED && t.completedBy() != null)
                    .toList();
            if (a.role() == DocumentPlan.Role.PARAF) {
                for (Task t : done) {
                    Optional<StaffUser> u = users.find(t.completedBy());
                    letters.initial(c.app.id(), c.kind, new LetterRepository.Initial(t.id(), t.stepNo(),
                            t.completedBy(), t.completedAt(), u.map(StaffUser::fullName).orElse(null),
                            u.map(StaffUser::position).orElse(null)));
                }
            } else if (a.role() == DocumentPlan.Role.SIGN && letter.frozenContent() == null && !done.isEmpty()) {
                Task signing = done.get(done.size() - 1);
                letters.signed(c.app.id(), c.kind, signing.completedBy(), signing.completedAt(),
                        freeze(compose(c).signedBy(users.find(signing.completedBy()).orElse(null))));
            }
        }
        return letters.find(c.app.id(), c.kind).orElseThrow();
    }

    private Frozen compose(Case c) {
        DocumentPlan.Spec s = c.spec;
        return new Frozen(
                s.perihal() == null ? null : TemplateText.render(s.perihal(), c.facts),
                s.lampiran() == null ? null : TemplateText.render(s.lampiran(), c.facts),
                s.addressee() == null ? List.of() : s.addressee().stream().map(a -> TemplateText.render(a, c.facts)).toList(),
                TemplateText.render(catalog.template(s), c.facts), null);
    }

    private String freeze(Frozen f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Frozen thaw(String text) {
        try {
            return json.readValue(text, Frozen.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frozen letter content is not readable", e);
        }
    }

    /**
     * The letter's initials, each with the name and post recorded with it; an initial recorded before they were kept
     * takes them from the users file, and failing that shows the username.
     */
    private List<LetterContent.Initial> initials(Case c) {
        return letters.initials(c.app.id(), c.kind).stream()
                .map(i -> {
                    String at = IndonesianDates.dateTime(i.at(), zone);
                    if (i.fullName() != null) {
                        return new LetterContent.Initial(i.fullName(), i.position(), at);
                    }
                    Optional<StaffUser> u = users.find(i.username());
                    return new LetterContent.Initial(u.map(StaffUser::fullName).orElse(i.username()),
                            u.map(StaffUser::position).orElse(null), at);
                })
                .toList();
    }

    /** The official who completed the document's signatory step most recently. */
    private StaffUser signatory(Case c) {
        if (c.spec.signatoryStep() == null) {
            return null;
        }
        return c.history.stream()
                .filter(t -> t.stepNo() == c.spec.signatoryStep() && t.status() == TaskStatus.COMPLETED)
                .filter(t -> t.completedBy() != null)
                .max(Comparator.comparing(Task::completedAt))
                .flatMap(t -> users.find(t.completedBy()))
                .orElse(null);
    }

    /** Who signed, as frozen with the content; for letters frozen before that was kept, as the users file says now. */
    private Signer signer(Frozen content, String username) {
        if (content.signer() != null) {
            return content.signer();
        }
        return Signer.of(users.find(username).orElse(null));
    }

    private static LetterContent.Signature signatureOf(DocumentPlan.Spec spec, Signer u, boolean sealed) {
        if (u == null) {
            return new LetterContent.Signature(spec.signatoryCaption(), null, null, null, null,
                    sealed ? null : "(belum ditandatangani)");
        }
        return new LetterContent.Signature(spec.signatoryCaption(), u.position(), u.fullName(), u.rank(), u.nip(),
                sealed ? "Ditandatangani secara elektronik" : "(ditandatangani, menunggu penomoran)");
    }

    private String placeAndDate(Case c) {
        return c.office().city() + ", " + IndonesianDates.date(c.now, zone);
    }

    private static String createdBy(Case c) {
        return c.trigger.completedBy() == null ? HUB : c.trigger.completedBy();
    }

    private static String fileName(String kind, String reference) {
        return kind + "-" + reference.replaceAll("[^A-Za-z0-9-]+", "-") + ".pdf";
    }
}
