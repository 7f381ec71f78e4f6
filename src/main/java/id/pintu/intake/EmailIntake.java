package id.pintu.intake;

import id.pintu.common.Texts;
import id.pintu.documents.DocumentStore;
import id.pintu.mail.MailMetrics;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailTemplates;
import id.pintu.mail.OutgoingMail;
import id.pintu.mail.SentMailRepository;
import id.pintu.mail.StatusMails;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.Caller;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.NewApplication;
import id.pintu.workflow.Submitted;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One email from the office mailbox: a new application, the applicant's reply to a case, or something for staff to
 * review. Each outcome is one transaction with the record of the email's Message-ID, so the same email twice makes
 * one case, and an email counts as taken only once its case (tracking code), its files and its original are stored.
 */
@Component
public class EmailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(EmailIntake.class);
    static final Pattern TRACKING_CODE = Pattern.compile("PTU-\\d{2}-[2-9A-HJ-NP-Z]{7}");
    static final String CHANNEL = "email";
    /** The ends whose closing letter invites a new application. */
    private static final java.util.Set<CaseStatus> INVITES_A_NEW_APPLICATION =
            java.util.EnumSet.of(CaseStatus.ABANDONED, CaseStatus.WITHDRAWN);
    /**
     * The review queue's source of an email too large to take: only its headers are kept (its files are still in the
     * office mailbox), so it cannot be attached to a case ({@link ReviewedEmails#attach}).
     */
    public static final String TOO_LARGE_SOURCE = "email-besar";
    /** Exchange property of the mail-intake route: the email's size as the mail server reports it. */
    public static final String EMAIL_SIZE = "PintuEmailSize";
    /** The answer to an applicant's email that nothing waited for: it arrived, its files, where the case stands. */
    static final String POSITION = "email-diterima";
    /** The mails the intake itself writes (the status mails are the SOP's mail rules'). */
    static final List<String> TEMPLATES = List.of("balasan-tidak-terbaca", "diterima", "sudah-diterima",
            "email-terlalu-besar", POSITION);

    private final WorkflowService workflow;
    private final ApplicationRepository applications;
    private final SopCatalog catalog;
    private final DossierService dossier;
    private final IntakeRecords records;
    private final SentMailRepository sentMail;
    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final StatusMails statusMails;
    private final IntakeProperties properties;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MailMetrics metrics;
    private final DossierRequirements requirements;
    private final ApplicantMessages messages;

    public EmailIntake(WorkflowService workflow, ApplicationRepository applications, SopCatalog catalog,
            DossierService dossier, IntakeRecords records, SentMailRepository sentMail,
            MailOutbox outbox, MailTemplates templates, StatusMails statusMails, IntakeProperties properties,
            Validator validator, TransactionTemplate tx, Clock clock, MailMetrics metrics,
            DossierRequirements requirements, ApplicantMessages messages) {
        this.workflow = workflow;
        this.applications = applications;
        this.catalog = catalog;
        this.dossier = dossier;
        this.records = records;
        this.sentMail = sentMail;
        this.outbox = outbox;
        this.templates = templates;
        templates.require("email intake", TEMPLATES);
        this.statusMails = statusMails;
        this.properties = properties;
        this.validator = validator;
        this.tx = tx;
        this.clock = clock;
        this.metrics = metrics;
        this.requirements = requirements;
        this.messages = messages;
    }

    /**
     * Handles one raw email. Anything but a database failure ends in a case, a reply or the review queue, so one bad
     * email never blocks the mailbox; a database failure throws, and the email stays unseen to be fetched again.
     * Returns the outcome (a {@link MailMetrics.Received} name), counted once its transaction committed.
     */
    public String receive(byte[] raw) {
        String outcome = take(raw);
        metrics.received(MailMetrics.Received.valueOf(outcome));
        return outcome;
    }

    /** Whether an email of this size (as the mail server reports it; negative if unknown) is read at all. */
    public boolean fits(@ExchangeProperty(EMAIL_SIZE) long size) {
        return size <= properties.maxEmailSize().toBytes();
    }

    /**
     * An email larger than {@code pintu.intake.max-email-size}, by its headers alone (its body is never fetched): kept
     * for review with the reason, and its sender, unless unknown or blocked, is told to send the files in several
     * emails or bring them to the counter. Only a database failure throws, as in {@link #receive}.
     */
    public String receiveTooLarge(byte[] headers, @ExchangeProperty(EMAIL_SIZE) long size) {
        String outcome = refuseTooLarge(headers, size);
        metrics.received(MailMetrics.Received.valueOf(outcome));
        return outcome;
    }

    private String refuseTooLarge(byte[] headers, long size) {
        String key = "sha256:" + DocumentStore.sha256(headers);
        String reason = "email terlalu besar (" + megabytes(size) + "; batas " + megabytes(properties.maxEmailSize()
                .toBytes()) + "): isinya tidak diambil; email aslinya tetap di kotak surat kantor";
        ParsedEmail mail;
        try {
            mail = ParsedEmail.parse(headers, id -> false);
        } catch (Exception e) {
            return once(key, null, () -> review(key, null, null, reason, headers));
        }
        String messageKey = messageKey(mail, key);
        try {
            return once(messageKey, mail.sender(), () -> tooLarge(messageKey, mail, headers, size, reason));
        } catch (RuntimeException e) {
            if (passing(e) || records.seen(messageKey)) {
                throw e;
            }
            LOG.error("Email {} (too large) could not be answered; kept for review", messageKey, e);
            return once(messageKey, mail.sender(), () -> review(messageKey, mail.sender(), mail.subject(),
                    reason + "; jawaban ke pengirim gagal: " + e, headers));
        }
    }

    private String tooLarge(String messageKey, ParsedEmail mail, byte[] headers, long size, String reason) {
        Optional<Application> answered = mail.sender() == null ? Optional.empty() : answeredCase(mail)
                .filter(a -> mail.sender().equalsIgnoreCase(a.applicant().email()));
        records.review(TOO_LARGE_SOURCE, messageKey, mail.sender(), mail.subject(),
                answered.map(a -> "balasan untuk " + a.trackingCode() + ": ").orElse("") + reason, headers,
                clock.instant());
        records.outcome(messageKey, "REVIEW", null);
        if (mail.sender() == null || properties.blocked(mail.sender()) || mail.isAutomatic()) {
            return "REVIEW";
        }
        Map<String, String> values = Map.of("subject", MailTemplates.oneLine(mail.subject()),
                "size", megabytes(size), "limit", megabytes(properties.maxEmailSize().toBytes()),
                "attachmentLimit", megabytes(properties.maxAttachmentSize().toBytes()),
                "trackingCode", answered.map(Application::trackingCode).orElse("-"),
                "officeName", statusMails.officeName(), "officeAddress", statusMails.officeAddress());
        MailTemplates.Rendered r = templates.render("email-terlalu-besar", values);
        outbox.enqueue(new OutgoingMail("terlalu-besar:" + messageKey, answered.map(Application::id).orElse(null),
                mail.sender(), r.subject(), r.body(), List.of()));
        LOG.info("Email {} from {} is {} bytes, above the limit of {}: refused by its headers", messageKey,
                mail.sender(), size, megabytes(properties.maxEmailSize().toBytes()));
        return "REJECTED";
    }

    /** The email's Message-ID (what makes a second delivery a duplicate), or the digest given when it has none. */
    private static String messageKey(ParsedEmail mail, String digestKey) {
        return mail.messageId() == null || mail.messageId().isBlank() ? digestKey
                : Texts.cut(mail.messageId().strip(), 255);
    }

    /** "12,5 MB", as the office writes it. */
    static String megabytes(long bytes) {
        return String.format(Locale.forLanguageTag("id-ID"), "%,.1f MB", bytes / 1048576.0);
    }

    private String take(byte[] raw) {
        String key = "sha256:" + DocumentStore.sha256(raw);
        ParsedEmail mail;
        try {
            mail = ParsedEmail.parse(raw, id -> sentMail.anySent(List.of(id)));
        } catch (Exception e) {
            return once(key, null, () -> review(key, null, null, "email tidak dapat dibaca: " + e.getMessage(), raw));
        }
        String messageKey = messageKey(mail, key);
        try {
            return once(messageKey, mail.sender(), () -> route(messageKey, mail, raw));
        } catch (RuntimeException e) {
            if (passing(e) || records.seen(messageKey)) {
                throw e;
            }
            LOG.error("Email {} could not be handled; kept for review", messageKey, e);
            try {
                return once(messageKey, mail.sender(), () -> review(messageKey, mail.sender(), mail.subject(),
                        "kesalahan saat memproses email: " + e, raw));
            } catch (RuntimeException again) {
                if (passing(again) || records.seen(messageKey)) {
                    throw again;
                }
                // Not even its review entry could be written with what its headers say: kept under its digest, with
                // none of them, so that it reaches a final state. Left unseen, it was fetched again at every poll, and
                // twenty such emails filled the poll's batch and held back every application behind them.
                LOG.error("Email {} could not be put in the review queue either; kept under its digest {}",
                        messageKey, key, again);
                return once(key, null, () -> review(key, null, null, "email tidak dapat dicatat: "
                        + again.getClass().getSimpleName(), raw));
            }
        }
    }

    /**
     * Whether {@code e} is a failure of the moment (a deadlock, a lock or query timeout, a connection lost or refused)
     * rather than of this email: then the email stays unseen and is fetched again at the next poll, as when the
     * database is away, instead of going to the review queue with no answer to its sender.
     */
    static boolean passing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientException
                    || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private String once(String messageKey, String sender, java.util.function.Supplier<String> work) {
        try {
            return tx.execute(s -> {
                records.claim(messageKey, sender, clock.instant());
                return work.get();
            });
        } catch (DuplicateKeyException e) {
            if (!records.seen(messageKey)) {
                throw e;
            }
            LOG.info("Email {} was handled before; ignored", messageKey);
            return "DUPLICATE";
        }
    }

    private String route(String messageKey, ParsedEmail mail, byte[] raw) {
        if (mail.sender() == null) {
            return review(messageKey, null, mail.subject(), "pengirim email tidak diketahui (tanpa alamat From)", raw);
        }
        if (properties.blocked(mail.sender())) {
            return review(messageKey, mail.sender(), mail.subject(), "pengirim diblokir oleh kantor", raw);
        }
        Optional<Application> answered = answeredCase(mail);
        if (mail.isAutomatic()) {
            // Never answered (no loop of automatic replies) and never the applicant's answer to a clarification
            return review(messageKey, mail.sender(), mail.subject(), "email otomatis (" + mail.automatic() + ")"
                    + answered.map(a -> " untuk " + a.trackingCode()).orElse("")
                    + ": tidak dijawab dan tidak dianggap jawaban pemohon", raw);
        }
        if (answered.isPresent()) {
            Application app = answered.get();
            if (INVITES_A_NEW_APPLICATION.contains(app.status()) && validForm(mail)) {
                // A new application sent as a reply to the closing letter of a case abandoned or withdrawn (the letter
                // invites a new one): it was filed on the closed case as a message and the applicant was told it was
                // kept there, no case made. Its service: the one its subject names, else the closed case's. A reply
                // to a rejection or a permit stays a message on its case (an objection restating the company's data
                // is no new application).
                LOG.info("Email {} answers closed case {} with a whole application form: a new application",
                        messageKey, app.trackingCode());
                return newApplication(messageKey, mail, raw,
                        sopNamedIn(mail.subject()).or(() -> catalog.find(app.sopCode())).orElse(catalog.defaultSop()));
            }
            return reply(messageKey, app, mail, raw);
        }
        Matcher code = TRACKING_CODE.matcher(mail.subject().toUpperCase(Locale.ROOT));
        if (code.find()) {
            return review(messageKey, mail.sender(), mail.subject(),
                    "subjek menyebut kode " + code.group() + " yang tidak dikenal", raw);
        }
        return newApplication(messageKey, mail, raw, sopOf(mail.subject()));
    }

    /** Whether the email's text holds a whole application form (the hub's own quoted mails left out). */
    private boolean validForm(ParsedEmail mail) {
        Map<String, String> fields = EmailForm.fields(mail.text(), sentMail.anySent(mail.answers()));
        return validator.validate(EmailForm.form(fields, mail.sender())).isEmpty();
    }

    private Optional<Application> answeredCase(ParsedEmail mail) {
        Optional<String> byReference = sentMail.caseOfMessage(mail.answers());
        if (byReference.isPresent()) {
            return applications.find(byReference.get());
        }
        Matcher code = TRACKING_CODE.matcher(mail.subject().toUpperCase(Locale.ROOT));
        return code.find() ? applications.findByTrackingCode(code.group()) : Optional.empty();
    }

    private String newApplication(String messageKey, ParsedEmail mail, byte[] raw, SopDefinition sop) {
        Map<String, String> fields = EmailForm.fields(mail.text(), sentMail.anySent(mail.answers()));
        ApplicationForm form = EmailForm.form(fields, mail.sender());
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<ApplicationForm> v : validator.validate(form)) {
            problems.add(v.getMessage());
        }
        problems.sort(Comparator.naturalOrder());
        if (!problems.isEmpty()) {
            String reason = String.join("; ", problems);
            review(messageKey, mail.sender(), mail.subject(), "isian permohonan tidak lengkap atau salah: " + reason, raw);
            Map<String, String> values = Map.of("subject", MailTemplates.oneLine(mail.subject()),
                    "problems", StatusMails.bullets(problems, "-"),
                    "officeName", statusMails.officeName(), "officeAddress", statusMails.officeAddress());
            MailTemplates.Rendered r = templates.render("balasan-tidak-terbaca", values);
            outbox.enqueue(new OutgoingMail("unreadable:" + messageKey, null, mail.sender(), r.subject(), r.body(),
                    List.of()));
            return "REJECTED";
        }
        String contentKey = contentKey(mail);
        Optional<IntakeRecords.Resent> earlier = properties.resendWindow().isZero() ? Optional.empty()
                : records.resentOf(contentKey, clock.instant().minus(properties.resendWindow()));
        if (earlier.isPresent()) {
            return resent(messageKey, mail, earlier.get());
        }
        Submitted s = workflow.submit(new NewApplication(sop.code(),
                new Application.Applicant(form.applicantName(), form.applicantEmail(), form.phone()),
                new Application.Company(form.companyName(), form.nib(), form.npwp(), form.address(), form.kbli()),
                form.description(), CHANNEL));
        Application app = s.application();
        dossier.keepOriginal(app, raw, mail.sender(), 1);
        dossier.accept(app, mail.attachments(), 1, mail.sender());
        records.accepted(messageKey, app.id(), contentKey);
        // The same test as the automatic clarification's (CompletenessCheck): a required document is missing.
        boolean complete = dossier.missing(app.id()).isEmpty();
        Map<String, String> values = new java.util.HashMap<>(statusMails.values(app, null));
        values.put("trackingInfo", "Lacak permohonan Anda melalui tautan berikut (simpan email ini; tautan berisi"
                + " token rahasia Anda):\n" + statusMails.trackUrl(app.trackingCode(), s.token()));
        MailTemplates.Rendered r = templates.render("diterima", values);
        outbox.enqueue(new OutgoingMail("diterima:" + app.id(), app.id(), app.applicant().email(), r.subject(),
                r.body(), List.of()));
        LOG.info("Email {} from {} became case {}", messageKey, mail.sender(), app.trackingCode());
        return complete ? "ACCEPTED" : "INCOMPLETE";
    }

    /**
     * The same application sent again while its case is open (from the Sent folder, or twice by mistake): no second
     * case; the sender is told the tracking code it already has (not the token, which only the first reply carries).
     */
    private String resent(String messageKey, ParsedEmail mail, IntakeRecords.Resent earlier) {
        Application app = applications.find(earlier.applicationId()).orElseThrow();
        records.outcome(messageKey, "DUPLICATE", app.id());
        Map<String, String> values = new java.util.HashMap<>(statusMails.values(app, null));
        values.put("subject", MailTemplates.oneLine(mail.subject()));
        MailTemplates.Rendered r = templates.render("sudah-diterima", values);
        outbox.enqueue(new OutgoingMail("sudah-diterima:" + messageKey, app.id(), mail.sender(), r.subject(), r.body(),
                List.of()));
        LOG.info("Email {} from {} repeats the application of case {} (received {}); no new case", messageKey,
                mail.sender(), app.trackingCode(), earlier.receivedAt());
        return "DUPLICATE";
    }

    /** What an application email says: sender, subject, text (spacing aside) and each attachment's content. */
    static String contentKey(ParsedEmail mail) {
        StringBuilder k = new StringBuilder()
                .append(mail.sender().toLowerCase(Locale.ROOT)).append('\n')
                .append(mail.subject().strip().replaceAll("\\s+", " ")).append('\n')
                .append(mail.text() == null ? "" : mail.text().strip().replaceAll("\\s+", " ")).append('\n');
        mail.attachments().stream()
                .map(f -> DocumentStore.sha256(f.content()) + " " + f.name())
                .sorted()
                .forEach(a -> k.append(a).append('\n'));
        return DocumentStore.sha256(k.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String reply(String messageKey, Application app, ParsedEmail mail, byte[] raw) {
        if (!mail.sender().equalsIgnoreCase(app.applicant().email())) {
            return review(messageKey, mail.sender(), mail.subject(), "balasan untuk " + app.trackingCode()
                    + " dikirim dari alamat yang bukan alamat pemohon", raw);
        }
        Optional<Task> open = workflow.openTasks(app.id()).stream()
                .filter(t -> t.kind() == TaskKind.CLARIFICATION)
                .findFirst();
        Integer step = open.map(Task::stepNo).orElse(null);
        String original = dossier.keepOriginal(app, raw, mail.sender(), step).id();
        List<DossierItem> added = dossier.accept(app, mail.attachments(), step, mail.sender());
        records.outcome(messageKey, "REPLY", app.id());
        if (open.isPresent()) {
            String text = mail.text() == null ? "" : mail.text().strip();
            String note = "Dijawab melalui email dengan " + added.size() + " lampiran"
                    + (text.isEmpty() ? "" : ". Pesan pemohon: " + Texts.cut(text.replaceAll("\\s+", " "), 1500));
            try {
                workflow.complete(open.get().id(), null, note, Caller.applicant(app.id(), app.applicant().email()));
            } catch (WorkflowException e) {
                LOG.info("Reply to {}: clarification {} not completed: {}", app.trackingCode(), open.get().id(),
                        e.getMessage());
            }
        } else {
            // Nothing waits for this email (files sent later, a question): it is a message for the front office to
            // answer, and the applicant is told it arrived, what became of its files, and where the case stands
            messages.received(app, messageKey, mail, original, mail.attachments().size());
            Map<String, String> values = new java.util.HashMap<>(statusMails.values(app, null));
            values.put("subject", MailTemplates.oneLine(mail.subject()));
            DossierRequirements.Dossier required = requirements.of(app.sopCode());
            values.put("received", StatusMails.bullets(added.stream().map(item -> receivedLine(item, required))
                    .toList(), "(tidak ada lampiran)"));
            MailTemplates.Rendered r = templates.render(POSITION, values);
            outbox.enqueue(new OutgoingMail(POSITION + ":" + messageKey, app.id(), mail.sender(), r.subject(),
                    r.body(), List.of()));
        }
        LOG.info("Email {} added {} file(s) to case {}", messageKey, added.size(), app.trackingCode());
        return "REPLY";
    }

    /** A file of the applicant's email as the answer lists it: accepted as which document, or refused and why. */
    private static String receivedLine(DossierItem item, DossierRequirements.Dossier required) {
        if (!item.valid()) {
            return item.fileName() + ": tidak dapat kami terima (" + item.problem() + ")";
        }
        return item.fileName() + required.find(item.requirement() == null ? "" : item.requirement())
                .map(r -> ": diterima sebagai " + r.label()).orElse(": diterima");
    }

    private String review(String messageKey, String sender, String subject, String reason, byte[] raw) {
        Instant now = clock.instant();
        records.review("email", messageKey, sender, subject, reason, raw, now);
        records.outcome(messageKey, "REVIEW", null);
        LOG.warn("Email {} from {} put in the review queue: {}", messageKey, sender, reason);
        return "REVIEW";
    }

    /** The SOP the subject names (its code, or the words of its name), else the office's default. */
    SopDefinition sopOf(String subject) {
        return sopNamedIn(subject).orElse(catalog.defaultSop());
    }

    /**
     * The SOP the subject names: its code, or every word of its name (or of its name without the first word,
     * "Permohonan"/"Penerbitan"). Of several, the one whose name matches the most words: an SOP whose short name is
     * contained in another's ("Izin Usaha Industri" in "Izin Perluasan Usaha Industri") took the other's
     * applications when its code sorted first.
     */
    Optional<SopDefinition> sopNamedIn(String subject) {
        List<String> words = DossierRequirements.words(subject == null ? "" : subject);
        String flat = String.join("-", words);
        SopDefinition best = null;
        int bestScore = 0;
        for (SopDefinition sop : catalog.all()) {
            List<String> name = DossierRequirements.words(sop.name());
            List<String> core = name.size() > 1 ? name.subList(1, name.size()) : name;
            int score = flat.contains(sop.code()) ? 1000 + sop.code().length()
                    : words.containsAll(name) ? name.size() : words.containsAll(core) ? core.size() : 0;
            if (score > bestScore) {
                best = sop;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
