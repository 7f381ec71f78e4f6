package id.pintu.sla;

import id.pintu.calendar.WorkingCalendar;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.OutgoingMail;
import id.pintu.sop.Actor;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides which open tasks escalate and records each level once. The scheduler only says "look now"; whether a
 * level fires is decided in the database: the task's level moves from {@code n - 1} to {@code n} by a conditional
 * update, and the queue message (and, on breach, the supervisor's email) go into the outbox in the same
 * transaction. So a level fires exactly once however many scanners run, and never without its message.
 */
public class EscalationScanner {

    /** Outbox kind of the escalation messages; routed by {@code direct:outbox-escalation}. */
    public static final String KIND = "ESCALATION";

    private static final Logger LOG = LoggerFactory.getLogger(EscalationScanner.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm", Locale.forLanguageTag("id-ID"));

    private final EscalationRepository repository;
    private final ApplicationRepository applications;
    private final CaseEvents events;
    private final MailOutbox mail;
    private final WorkingCalendar calendar;
    private final SopCatalog catalog;
    private final Supervision supervision;
    private final BreachRecipient recipients;
    private final SlaProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry registry;
    /** The case page's address up to the case id, e.g. {@code https://pintu.example/permohonan/}. */
    private final String casePageUrl;

    public EscalationScanner(EscalationRepository repository, ApplicationRepository applications, CaseEvents events,
            MailOutbox mail, WorkingCalendar calendar, SopCatalog catalog, Supervision supervision,
            BreachRecipient recipients, SlaProperties properties, TransactionTemplate tx, Clock clock,
            MeterRegistry registry, String casePageUrl) {
        this.recipients = recipients;
        this.repository = repository;
        this.applications = applications;
        this.events = events;
        this.mail = mail;
        this.calendar = calendar;
        this.catalog = catalog;
        this.supervision = supervision;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.registry = registry;
        this.casePageUrl = casePageUrl;
    }

    /** One scan: every task near or past its due date gets the levels it has not had yet. Returns levels fired. */
    public int scan() {
        Instant now = clock.instant();
        List<String> applicants = catalog.actors().values().stream().filter(Actor::applicant).map(Actor::id).toList();
        List<Due> due = new ArrayList<>();
        for (EscalationRepository.Candidate c : repository.candidates(now.plus(properties.scanHorizon()), applicants,
                properties.scanBatch())) {
            int target = levelDue(c.enteredAt(), c.dueAt(), now);
            // A task found already overdue (the hub was down) still gets its reminder first, then the breach.
            for (int level = c.level() + 1; level <= target; level++) {
                due.add(new Due(c, level));
            }
        }
        int fired = 0;
        for (int from = 0; from < due.size(); from += properties.fireBatch()) {
            fired += fireChunk(due.subList(from, Math.min(due.size(), from + properties.fireBatch())), now);
        }
        if (fired > 0) {
            LOG.info("Escalation scan fired {} level(s)", fired);
        }
        return fired;
    }

    private record Due(EscalationRepository.Candidate candidate, int level) {}

    /**
     * Records a chunk of levels in one transaction (one commit). If anything in it fails, the chunk is rolled back
     * and each level is tried in its own transaction, so one bad task never holds back the others.
     */
    private int fireChunk(List<Due> chunk, Instant now) {
        if (chunk.size() > 1) {
            try {
                Map<Due, String> won = tx.execute(status -> {
                    Map<Due, String> w = new LinkedHashMap<>();
                    for (Due d : chunk) {
                        String sop = record(d.candidate(), d.level(), now);
                        if (sop != null) {
                            w.put(d, sop);
                        }
                    }
                    return w;
                });
                won.forEach((d, sop) -> fired(d.candidate(), d.level(), sop));
                return won.size();
            } catch (RuntimeException e) {
                LOG.warn("Recording {} escalation levels together failed ({}); recording them one by one",
                        chunk.size(), e.toString());
            }
        }
        int fired = 0;
        for (Due d : chunk) {
            try {
                String sop = tx.execute(status -> record(d.candidate(), d.level(), now));
                if (sop != null) {
                    fired(d.candidate(), d.level(), sop);
                    fired++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Escalation level {} of task {} (case {}) not recorded; the next scan tries again: {}",
                        d.level(), d.candidate().taskId(), d.candidate().applicationId(), e.toString());
            }
        }
        return fired;
    }

    /** The level a task has earned at {@code now}: 2 once due, 1 once the near share of its working time passed. */
    public int levelDue(Instant entered, Instant due, Instant now) {
        if (!now.isBefore(due)) {
            return Escalation.BREACH;
        }
        Duration total = calendar.workingTimeBetween(entered, due);
        if (total.isZero()) {
            return Escalation.REMINDER;
        }
        Duration elapsed = calendar.workingTimeBetween(entered, now);
        return (double) elapsed.toMillis() / total.toMillis() >= properties.nearShare() ? Escalation.REMINDER : 0;
    }

    /**
     * Inside the caller's transaction: raises the task to {@code level} if no one did, with its message and mail.
     * Returns the case's SOP code if this scanner fired the level, null if another one already had.
     */
    private String record(EscalationRepository.Candidate c, int level, Instant now) {
        if (!repository.raise(c.taskId(), level)) {
            return null;
        }
        Application app = applications.find(c.applicationId()).orElseThrow();
        String notified = level == Escalation.REMINDER ? c.actor() : recipients.of(c.actor(), c.claimedBy());
        String queue = level == Escalation.REMINDER
                ? properties.reminderQueue(notified)
                : properties.escalationQueue(notified);
        Escalation e = new Escalation(Escalation.idOf(c.taskId(), level), c.taskId(), app.id(), app.trackingCode(),
                app.sopCode(), c.stepNo(), c.stepName(), c.actor(), c.claimedBy(), level, notified, queue,
                c.enteredAt(), c.dueAt(), now);
        repository.record(e);
        events.append(e.id(), KIND, app.id(), e, now);
        if (level == Escalation.BREACH) {
            mail.enqueue(breachMail(e, app));
        }
        return app.sopCode();
    }

    /** After commit, by the one scanner whose conditional update won: counted and logged once per level. */
    private void fired(EscalationRepository.Candidate c, int level, String sop) {
        Counter.builder("pintu.escalations")
                .description("Escalation levels fired (1 reminder, 2 breach to the supervisor), by SOP and step")
                .tags("sop", sop, "step", String.valueOf(c.stepNo()),
                        "level", level == Escalation.REMINDER ? "reminder" : "breach")
                .register(registry)
                .increment();
        LOG.info("Task {} (case {}, step {}, {}) escalated to level {}", c.taskId(), c.applicationId(),
                c.stepNo(), c.actor(), level);
    }

    private OutgoingMail breachMail(Escalation e, Application app) {
        String due = WHEN.format(e.dueAt().atZone(properties.zone()));
        String actorName = catalog.actorName(e.actor());
        String subject = "[Pintu] Batas waktu terlampaui: langkah " + e.stepNo() + " permohonan " + app.trackingCode();
        String body = "Yth. " + catalog.actorName(e.notifiedActor()) + ",\n\n"
                + "Langkah SOP berikut telah melewati batas waktu mutu baku dan belum diselesaikan:\n\n"
                + "  Nomor permohonan : " + app.trackingCode() + "\n"
                + "  Pemohon          : " + app.company().name() + "\n"
                + "  Langkah          : " + e.stepNo() + ". " + e.stepName() + "\n"
                + "  Pelaksana        : " + actorName + (e.claimedBy() == null ? " (belum diambil)" : " (" + e.claimedBy() + ")") + "\n"
                + "  Batas waktu      : " + due + " WIB\n\n"
                + "Mohon ditindaklanjuti: tugas dapat dilepas atau dialihkan kepada petugas lain pada halaman"
                + " permohonan (masuk dengan akun Pintu Anda):\n"
                + "  " + casePageUrl + app.id() + "\n\n"
                + "Pesan ini dikirim otomatis oleh Pintu; mohon tidak membalas.\n";
        return new OutgoingMail("escalation:" + e.taskId() + ":" + e.level(), app.id(),
                supervision.contactOf(e.notifiedActor()), subject, body, List.of());
    }
}
