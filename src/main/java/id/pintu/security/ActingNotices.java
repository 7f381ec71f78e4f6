package id.pintu.security;

import id.pintu.documents.IndonesianDates;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailProperties;
import id.pintu.mail.MailTemplates;
import id.pintu.mail.OutgoingMail;
import id.pintu.sop.SopCatalog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells a member of staff by email that they were appointed Plt/Plh of a role on the leave page, and when that
 * appointment is ended early or withdrawn (templates {@code penunjukan-plt-plh}, {@code penunjukan-berakhir},
 * {@code penunjukan-dibatalkan}), at the {@code email} the users file gives them. The mail is queued in the outbox
 * within the appointment's own transaction (so it is owed exactly when the change is recorded) and sent once per
 * appointment and occasion. Someone without an address is not written to: the page says so, to tell them in person.
 * The acting file's appointments are announced the same way when a reload puts a change of the file in force: one
 * added, one removed (ended early, or withdrawn before it began) and one whose last day IT brought forward.
 */
@Component
public class ActingNotices {

    static final String APPOINTED = "penunjukan-plt-plh";
    static final String ENDED = "penunjukan-berakhir";
    static final String WITHDRAWN = "penunjukan-dibatalkan";

    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final MailProperties mail;
    private final UserDirectory users;
    private final SopCatalog catalog;

    public ActingNotices(MailTemplates templates, MailOutbox outbox, MailProperties mail, UserDirectory users,
            SopCatalog catalog) {
        this.templates = templates;
        this.outbox = outbox;
        this.mail = mail;
        this.users = users;
        this.catalog = catalog;
        templates.require("Plt/Plh notices", List.of(APPOINTED, ENDED, WITHDRAWN));
    }

    /** Queues the mail of a new appointment (call within its transaction), if the appointee has an address. */
    void appointed(LeaveAndActing.Appointment a) {
        queue(APPOINTED, "acting-appointed:" + a.id(), a.user(), a.kind(), a.actor(), a.from(), a.to(), a.to(),
                a.basis(), users.nameOf(a.recordedBy()), null);
    }

    /**
     * Queues the mail of an appointment ended early by {@code by} (last day now {@code lastDay}) or withdrawn before it
     * began (call within that change's transaction), if the appointee has an address.
     */
    void ended(LeaveAndActing.Appointment a, boolean withdrawn, LocalDate lastDay, String by) {
        queue(withdrawn ? WITHDRAWN : ENDED, "acting-ended:" + a.id(), a.user(), a.kind(), a.actor(), a.from(),
                a.plannedTo(), lastDay, a.basis(), users.nameOf(a.recordedBy()), users.nameOf(by));
    }

    /**
     * Queues the mail of an appointment that IT added to the acting file ({@code file}), seen by a reload, if the
     * appointee has an address. Keyed on the appointment itself: every hub that reads the change asks for the same
     * mail, and it goes once.
     */
    void appointedInFile(ActingOfficials.Appointment p, Path file) {
        queue(APPOINTED, "acting-file-appointed:" + fileKey(p), p.user(), p.kind(), p.actor(), p.from(), p.to(),
                p.to(), fileBasis(p, file), itIn(file), null);
    }

    /**
     * Queues the mail of an appointment of the acting file ({@code file}) that a reload found removed or cut short:
     * ended early with {@code lastDay} its last day now, or withdrawn before it began. Keyed on the appointment as
     * it was, so it goes once whichever hub reads the change.
     */
    void endedInFile(ActingOfficials.Appointment p, boolean withdrawn, LocalDate lastDay, Path file) {
        queue(withdrawn ? WITHDRAWN : ENDED, "acting-file-ended:" + fileKey(p), p.user(), p.kind(), p.actor(),
                p.from(), p.to(), lastDay, fileBasis(p, file), itIn(file), itIn(file));
    }

    private static String fileKey(ActingOfficials.Appointment p) {
        return p.user() + ":" + p.actor() + ":" + p.from() + ":" + p.to();
    }

    private static String fileBasis(ActingOfficials.Appointment p, Path file) {
        return p.basis() == null || p.basis().isBlank() ? "penunjukan yang dicatat di " + file : p.basis();
    }

    private static String itIn(Path file) {
        return "bagian TI (" + file + ")";
    }

    private void queue(String template, String key, String user, String kind, String actor, LocalDate from,
            LocalDate to, LocalDate lastDay, String basis, String appointedBy, String endedBy) {
        users.emailOf(user).ifPresent(address -> {
            Map<String, String> v = new HashMap<>();
            v.put("recipientName", users.nameOf(user));
            v.put("kindName", kind == null ? "Plh" : ActingOfficials.Appointment.kindName(kind));
            v.put("kindLong", "PLT".equals(kind) ? "Pelaksana Tugas" : "Pelaksana Harian");
            v.put("roleName", catalog.actorName(actor));
            v.put("from", IndonesianDates.date(from));
            v.put("to", IndonesianDates.date(to));
            v.put("lastDay", IndonesianDates.date(lastDay));
            v.put("basis", basis);
            v.put("appointedBy", appointedBy);
            v.put("endedBy", endedBy);
            v.put("officeName", mail.officeName());
            v.put("inboxUrl", mail.publicUrl("/kotak-masuk/" + actor));
            MailTemplates.Rendered r = templates.render(template, v);
            outbox.enqueue(new OutgoingMail(key, null, address, r.subject(), r.body(), List.of()));
        });
    }
}
