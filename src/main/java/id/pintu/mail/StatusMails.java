package id.pintu.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.sla.LatestFinish;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.TaskStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides which status mails a case event owes the applicant (by the SOP's mail rules) and owes them through the
 * outbox. The dedup key is the template plus the event id, so an event delivered twice sends each mail once.
 */
@Component
public class StatusMails {

    private static final Logger LOG = LoggerFactory.getLogger(StatusMails.class);
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final MailRules rules;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final ApplicationRepository applications;
    private final TaskRepository tasks;
    private final SopCatalog catalog;
    private final DossierFacts facts;
    private final MailProperties properties;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    private final LatestFinish latestFinish;

    public StatusMails(MailRules rules, MailTemplates templates, MailOutbox outbox, ApplicationRepository applications,
            TaskRepository tasks, SopCatalog catalog, DossierFacts facts, MailProperties properties,
            TransactionTemplate tx, ObjectMapper json, LatestFinish latestFinish) {
        this.latestFinish = latestFinish;
        this.rules = rules;
        this.templates = templates;
        this.outbox = outbox;
        this.applications = applications;
        this.tasks = tasks;
        this.catalog = catalog;
        this.facts = facts;
        this.properties = properties;
        this.tx = tx;
        this.json = json;
    }

    /**
     * The mails a batch of case events (their JSON texts) owes, put in the outbox in one database transaction (one
     * commit per batch instead of one per event that owes a mail; none for a batch whose events no rule matches, nor a
     * read of the case for such an event); logged once it has committed. A batch that fails
     * is rolled back and taken again message by message by its consumer (JmsBatchConsumer).
     */
    public void onEvents(List<String> events) throws JsonProcessingException {
        List<CaseEvent> parsed = CaseEvent.readAll(json, events).stream().filter(rules::mayOweMail).toList();
        if (parsed.isEmpty()) {
            return;
        }
        List<String> owed = new ArrayList<>();
        tx.executeWithoutResult(s -> parsed.forEach(e -> owe(e, owed)));
        owed.forEach(LOG::info);
    }

    /** Puts the mails the event owes in the outbox, in the caller's transaction; adds a log line for each. */
    private void owe(CaseEvent e, List<String> owed) {
        Optional<Application> found = applications.find(e.applicationId());
        if (found.isEmpty()) {
            return;
        }
        Application app = found.get();
        for (MailRules.Rule rule : rules.matching(e, app.channel())) {
            Map<String, String> values = values(app, e);
            MailTemplates.Rendered r = templates.render(rule.template(), values);
            List<String> attach = rule.attachOrEmpty().stream().map(OutgoingMail::latest).toList();
            outbox.enqueue(new OutgoingMail(rule.template() + ":" + e.eventId(), app.id(),
                    app.applicant().email(), r.subject(), r.body(), attach));
            owed.add("Case " + app.trackingCode() + ": mail '" + rule.template() + "' owed for " + e.type()
                    + " step " + e.stepNo());
        }
    }

    /** The values every template may use. */
    public Map<String, String> values(Application app, CaseEvent e) {
        Map<String, String> v = new HashMap<>();
        v.put("trackingCode", app.trackingCode());
        v.put("applicantName", app.applicant().name());
        v.put("applicantEmail", app.applicant().email());
        v.put("companyName", app.company().name());
        v.put("nib", app.company().nib());
        v.put("sopName", catalog.find(app.sopCode()).map(s -> s.name()).orElse(app.sopCode()));
        v.put("officeName", properties.officeName());
        v.put("officeAddress", properties.officeAddress());
        v.put("date", format(e == null ? app.submittedAt() : e.at()));
        v.put("submittedAt", format(app.submittedAt()));
        v.put("documents", bullets(facts.documentsReceived(app.id()), "(belum ada dokumen yang kami terima)"));
        v.put("problems", bullets(facts.problems(app.id()), "(lihat catatan petugas)"));
        v.put("confirmUrl", properties.publicUrl("/api/track/" + app.trackingCode() + "/confirm"));
        v.put("trackingInfo", "Untuk melacak permohonan, gunakan kode pelacakan " + app.trackingCode()
                + " beserta token yang Anda terima saat mengajukan permohonan, di " + properties.publicUrl("/lacak") + ".");
        List<Task> history = tasks.history(app.id());
        Task task = e == null || e.taskId() == null ? null
                : history.stream().filter(t -> t.id().equals(e.taskId())).findFirst().orElse(null);
        v.put("dueDate", task == null ? "-" : format(task.dueAt()));
        v.put("stepName", task == null ? "-" : task.stepName());
        Optional<String> finish = latestFinish.forCase(app, history).map(StatusMails::format);
        v.put("latestFinish", finish.orElse("-"));
        v.put("latestFinishLine", finish.map(f -> "Bila berkas Anda lengkap dan setiap langkah memakai seluruh waktu"
                + " baku SOP, proses di kantor kami selesai paling lambat " + f + " WIB (waktu menunggu kelengkapan"
                + " berkas dari Anda tidak termasuk).").orElse(""));
        // The clerk's note on the decision that asked for this clarification (or on the decision just made): the newest
        // completed step's, "-" when it has none. The newest note of any step gave an earlier round's, or a note
        // another step kept for the office, when the decision came without one.
        String note = history.stream()
                .filter(t -> t.status() == TaskStatus.COMPLETED && t.kind() == TaskKind.STEP)
                .max(Comparator.comparing(Task::completedAt))
                .map(Task::note)
                .filter(n -> !n.isBlank())
                .orElse("-");
        v.put("note", note);
        v.put("statusText", statusText(app.status()));
        v.put("position", position(app, history));
        return v;
    }

    /** A case's status as a sentence's end tells the applicant. */
    static String statusText(CaseStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "sedang diproses";
            case AWAITING_APPLICANT -> "menunggu kelengkapan berkas dari Anda";
            case ISSUED -> "izin telah terbit";
            case REJECTED -> "ditolak";
            case WITHDRAWN -> "dicabut atas permintaan Anda";
            case ABANDONED -> "tidak dilanjutkan karena kelengkapan berkas tidak kami terima";
        };
    }

    /** Where the case stands, one line per open step: its name, who works on it and its target date. */
    private String position(Application app, List<Task> history) {
        if (!app.status().isOpen()) {
            return "Permohonan ini telah selesai pada " + format(app.closedAt()) + " WIB.";
        }
        List<String> lines = history.stream().filter(Task::isOpen).map(t -> catalog.isApplicant(t.actor())
                        ? t.stepName() + ": menunggu Anda"
                        : t.stepName() + " (" + Optional.ofNullable(catalog.actors().get(t.actor()))
                                .map(a -> a.name()).orElse(t.actor()) + "), target selesai " + format(t.dueAt())
                                + " WIB")
                .toList();
        return bullets(lines, "Langkah berikutnya sedang disiapkan.");
    }

    public String officeName() {
        return properties.officeName();
    }

    public String officeAddress() {
        return properties.officeAddress();
    }

    public String trackUrl(String trackingCode, String token) {
        return properties.publicUrl("/lacak?kode=" + trackingCode + "&token=" + token);
    }

    public static String format(Instant at) {
        return at == null ? "-" : WHEN.format(at.atZone(WIB));
    }

    public static String bullets(List<String> lines, String whenEmpty) {
        if (lines.isEmpty()) {
            return whenEmpty;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i + 1).append(". ").append(lines.get(i));
            if (i < lines.size() - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
