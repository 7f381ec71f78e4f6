package id.pintu.intake;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.calendar.WorkingCalendar;
import id.pintu.common.Texts;
import id.pintu.common.TimeOrderedIds;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailTemplates;
import id.pintu.mail.OutgoingMail;
import id.pintu.mail.StatusMails;
import id.pintu.sop.MutuBaku;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.WorkflowException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An applicant's emails to a case that no step waited for (a question, a file sent later, an answer to the office's
 * answer). The intake records each one with the case; the front office answers it by email from the hub or marks it
 * handled (answered by phone, at the counter), and who did so, when and what is kept and audited. Until then the
 * inboxes, the case page and the dashboard show that the case has a message no one has taken care of.
 */
@Service
public class ApplicantMessages {

    /** The mail that carries a clerk's answer to the applicant. */
    public static final String ANSWER_TEMPLATE = "jawaban-pesan";
    public static final int MAX_ANSWER = 4000;
    public static final int MAX_NOTE = 2000;
    /** The kind of the documents the front office attaches to an answer (for the applicant, with the case). */
    public static final String ANSWER_FILE_KIND = "jawaban-lampiran";
    static final int MAX_BODY = 4000;

    /**
     * One message with its case's names.
     *
     * @param documentId the email kept whole with the case's documents ({@code email-asli})
     * @param files how many files the email carried (each is on the case's dossier, accepted or refused)
     * @param reportedAt when it was reported late to the front office's supervisor; null if it was not
     * @param answerFiles how many files the office attached to its answer ({@link #answerFiles(String)})
     */
    public record Message(String id, String applicationId, String trackingCode, String companyName,
            String applicantName, String sender, String subject, String body, int files, String documentId,
            Instant receivedAt, String handledBy, Instant handledAt, String answer, String note, Instant reportedAt,
            int answerFiles) {

        public boolean open() {
            return handledAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationRepository applications;
    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final StatusMails statusMails;
    private final AuditTrail audit;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final MutuBaku answerLimit;
    private final DocumentStore documents;

    public ApplicantMessages(JdbcClient jdbc, ApplicationRepository applications, MailOutbox outbox,
            MailTemplates templates, StatusMails statusMails, AuditTrail audit, Clock clock, WorkingCalendar calendar,
            IntakeProperties properties, DocumentStore documents) {
        this.documents = documents;
        this.calendar = calendar;
        this.answerLimit = properties.answerLimit();
        this.jdbc = jdbc;
        this.applications = applications;
        this.outbox = outbox;
        this.templates = templates;
        this.statusMails = statusMails;
        this.audit = audit;
        this.clock = clock;
        templates.require("applicant messages", List.of(ANSWER_TEMPLATE));
    }

    /** Records an email the applicant sent to the case; runs in the intake's transaction. */
    void received(Application app, String messageKey, ParsedEmail mail, String documentId, int files) {
        // Mail lines end in CRLF; the pages and the answer's quote use plain line ends
        String text = mail.text() == null ? "" : mail.text().replace("\r\n", "\n").strip();
        jdbc.sql("INSERT INTO applicant_message (id, application_id, message_key, document_id, sender, subject, body,"
                        + " files, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(TimeOrderedIds.next(clock.instant()), app.id(), messageKey, documentId,
                        Texts.cut(mail.sender(), 254), Texts.cut(mail.subject(), 500),
                        text.isEmpty() ? null : Texts.cut(text, MAX_BODY), files,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** The messages no one has taken care of, the longest waiting first. */
    public List<Message> open(int limit) {
        return query("m.handled_at IS NULL ORDER BY m.received_at, m.id", limit);
    }

    /** Every message, the newest first. */
    public List<Message> recent(int limit) {
        return query("1 = 1 ORDER BY m.received_at DESC, m.id DESC", limit);
    }

    public List<Message> ofCase(String applicationId) {
        return query("m.application_id = ? ORDER BY m.received_at, m.id", 200, applicationId);
    }

    public Optional<Message> find(String id) {
        return query("m.id = ?", 1, id).stream().findFirst();
    }

    /** When the front office should have answered it ({@code pintu.intake.answer-within} on the office calendar). */
    public Instant answerDue(Message m) {
        return calendar.dueAt(m.receivedAt(), answerLimit);
    }

    /** The messages no one has taken care of whose answer is due by now. */
    public long late(int limit) {
        Instant now = clock.instant();
        return open(limit).stream().filter(m -> now.isAfter(answerDue(m))).count();
    }

    /** The messages no one has taken care of whose answer is due by now and that were not reported late yet. */
    public List<Message> lateUnreported(int limit) {
        Instant now = clock.instant();
        return query("m.handled_at IS NULL AND m.reported_at IS NULL ORDER BY m.received_at, m.id", limit).stream()
                .filter(m -> now.isAfter(answerDue(m))).toList();
    }

    /** Records that the message was reported late; false if it was already (another hub) or was answered meanwhile. */
    public boolean markReported(String id) {
        return jdbc.sql("UPDATE applicant_message SET reported_at = ? WHERE id = ? AND reported_at IS NULL"
                        + " AND handled_at IS NULL")
                .params(Timestamp.from(clock.instant()), id).update() == 1;
    }

    /** How many messages no one has taken care of, and since when the oldest waits. */
    public record Waiting(long count, Instant oldest) {}

    public Waiting waiting() {
        return jdbc.sql("SELECT COUNT(*), MIN(received_at) FROM applicant_message WHERE handled_at IS NULL")
                .query((rs, n) -> new Waiting(rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .single();
    }

    /** A file the clerk attaches to an answer, already checked by its content (PDF, JPEG or PNG). */
    public record Attachment(String name, String contentType, byte[] content) {}

    /**
     * Sends the clerk's answer to the applicant (mail {@value #ANSWER_TEMPLATE}, through the outbox, in this
     * transaction) with the files attached, each kept with the case's documents for the applicant ({@value
     * #ANSWER_FILE_KIND}), and marks the message handled. Refused when the message was handled meanwhile (by a
     * colleague: the applicant gets one answer) or the text is blank or too long.
     */
    @Transactional
    public Message answer(String id, String text, String by, List<Attachment> files) {
        // A form's text area sends CRLF line ends; the record, the mail and the audit keep plain ones
        String answer = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (answer.isEmpty() || answer.length() > MAX_ANSWER) {
            throw WorkflowException.unprocessable("an answer needs 1 to " + MAX_ANSWER + " characters");
        }
        Message m = handle(id, by, answer, null);
        Application app = applications.find(m.applicationId()).orElseThrow();
        List<String> attached = new ArrayList<>();
        for (Attachment f : files) {
            StoredDocument d = documents.store(app.id(), ANSWER_FILE_KIND, null, f.name(), f.contentType(),
                    f.content(), StoredDocument.APPLICANT, by);
            jdbc.sql("INSERT INTO applicant_message_attachment (message_id, document_id) VALUES (?, ?)")
                    .params(m.id(), d.id()).update();
            attached.add(d.id());
        }
        Map<String, String> values = new HashMap<>(statusMails.values(app, null));
        values.put("subject", MailTemplates.oneLine(m.subject() == null ? "" : m.subject()));
        values.put("received", StatusMails.format(m.receivedAt()));
        values.put("answer", answer);
        MailTemplates.Rendered r = templates.render(ANSWER_TEMPLATE, values);
        outbox.enqueue(new OutgoingMail(ANSWER_TEMPLATE + ":" + m.id(), app.id(), m.sender(), r.subject(), r.body(),
                attached));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("to", m.sender());
        after.put("answer", answer);
        if (!files.isEmpty()) {
            after.put("attachments", files.stream().map(Attachment::name).toList());
        }
        audit.append(new AuditTrail.Record(by, AuditActions.APPLICANT_MESSAGE_ANSWERED, app.id(), m.id(), null, after,
                null));
        return find(id).orElseThrow();
    }

    /** The files the office attached to its answer to the message, in the order attached. */
    public List<StoredDocument> answerFiles(String messageId) {
        List<String> ids = jdbc.sql("SELECT document_id FROM applicant_message_attachment WHERE message_id = ?"
                + " ORDER BY document_id").param(messageId).query(String.class).list();
        return ids.stream().map(documents::find).flatMap(Optional::stream).toList();
    }

    /** Marks the message handled without a mail (answered by phone or at the counter; nothing to answer). */
    @Transactional
    public Message close(String id, String note, String by) {
        String text = note == null || note.isBlank() ? null : note.replace("\r\n", "\n").strip();
        if (text != null && text.length() > MAX_NOTE) {
            throw WorkflowException.unprocessable("a note holds at most " + MAX_NOTE + " characters");
        }
        Message m = handle(id, by, null, text);
        Map<String, Object> after = new HashMap<>();
        if (text != null) {
            after.put("note", text);
        }
        audit.append(new AuditTrail.Record(by, AuditActions.APPLICANT_MESSAGE_HANDLED, m.applicationId(), m.id(), null,
                after, null));
        return find(id).orElseThrow();
    }

    private Message handle(String id, String by, String answer, String note) {
        Message m = find(id).orElseThrow(() -> WorkflowException.notFound("no applicant message " + id));
        int updated = jdbc.sql("UPDATE applicant_message SET handled_by = ?, handled_at = ?, answer = ?,"
                        + " handled_note = ? WHERE id = ? AND handled_at IS NULL")
                .params(Texts.cut(by, 100), Timestamp.from(clock.instant()), answer, note, id)
                .update();
        if (updated != 1) {
            throw WorkflowException.conflict("message " + id + " was handled by "
                    + find(id).map(Message::handledBy).orElse("someone else"));
        }
        return m;
    }

    private List<Message> query(String where, int limit, Object... params) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = limit;
        return jdbc.sql("SELECT m.*, a.tracking_code, a.company_name, a.applicant_name, (SELECT COUNT(*)"
                        + " FROM applicant_message_attachment x WHERE x.message_id = m.id) AS answer_files"
                        + " FROM applicant_message m"
                        + " JOIN application a ON a.id = m.application_id WHERE " + where + " LIMIT ?")
                .params(all)
                .query(ApplicantMessages::message)
                .list();
    }

    private static Message message(ResultSet rs, int n) throws SQLException {
        Timestamp handled = rs.getTimestamp("handled_at");
        return new Message(rs.getString("id"), rs.getString("application_id"), rs.getString("tracking_code"),
                rs.getString("company_name"), rs.getString("applicant_name"), rs.getString("sender"),
                rs.getString("subject"), rs.getString("body"), rs.getInt("files"), rs.getString("document_id"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("handled_by"),
                handled == null ? null : handled.toInstant(), rs.getString("answer"), rs.getString("handled_note"),
                rs.getTimestamp("reported_at") == null ? null : rs.getTimestamp("reported_at").toInstant(),
                rs.getInt("answer_files"));
    }
}
