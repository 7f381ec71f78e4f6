package id.pintu.sla;

import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailProperties;
import id.pintu.mail.MailTemplates;
import id.pintu.mail.OutgoingMail;
import id.pintu.mail.StatusMails;
import id.pintu.security.StaffUser;
import id.pintu.security.UserDirectory;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskRepository;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells a member of staff by email that a supervisor gave them a task (template {@code tugas-dialihkan}), at the
 * {@code email} the users file gives them: which case and step, by when, and the link to the task's page. Queued in
 * the outbox within the reassignment's own transaction; someone without an address finds the task in their inbox.
 */
@Component
public class ReassignedTaskNotice {

    static final String TEMPLATE = "tugas-dialihkan";

    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final MailProperties mail;
    private final TaskRepository tasks;
    private final ApplicationRepository applications;
    private final SopCatalog catalog;
    private final UserDirectory users;
    private final Clock clock;

    public ReassignedTaskNotice(MailTemplates templates, MailOutbox outbox, MailProperties mail, TaskRepository tasks,
            ApplicationRepository applications, SopCatalog catalog, UserDirectory users, Clock clock) {
        this.templates = templates;
        this.outbox = outbox;
        this.mail = mail;
        this.tasks = tasks;
        this.applications = applications;
        this.catalog = catalog;
        this.users = users;
        this.clock = clock;
        templates.require("reassignment notice", List.of(TEMPLATE));
    }

    /** Queues the mail to {@code to} (call within the reassignment's transaction), if they have an address. */
    void queue(String taskId, StaffUser to, String by) {
        String address = users.emailOf(to.username()).orElse(null);
        if (address == null) {
            return;
        }
        Task task = tasks.find(taskId).orElseThrow();
        Application app = applications.find(task.applicationId()).orElseThrow();
        Map<String, String> v = new HashMap<>();
        v.put("recipientName", users.nameOf(to.username()));
        v.put("byName", users.nameOf(by));
        v.put("trackingCode", app.trackingCode());
        v.put("sopName", catalog.sopName(app.sopCode()));
        v.put("companyName", app.company().name());
        v.put("stepNo", String.valueOf(task.stepNo()));
        v.put("stepName", task.stepName());
        v.put("actorName", catalog.actorName(task.actor()));
        v.put("dueAt", StatusMails.format(task.dueAt()));
        v.put("taskUrl", mail.publicUrl("/tugas/" + taskId));
        v.put("officeName", mail.officeName());
        MailTemplates.Rendered r = templates.render(TEMPLATE, v);
        outbox.enqueue(new OutgoingMail("task-reassigned:" + taskId + ":" + to.username() + ":" + clock.millis(),
                app.id(), address, r.subject(), r.body(), List.of()));
    }
}
