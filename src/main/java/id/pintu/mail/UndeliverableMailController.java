package id.pintu.mail;

import id.pintu.security.Callers;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mails refused for good, for the front office (who reach applicants) and admins: the open ones, and the two things to
 * do with one. The key is a query parameter: dedup keys hold colons and, for the intake's answers, a Message-ID.
 */
@RestController
class UndeliverableMailController {

    record Resend(@Size(max = 254) String to) {}

    record Close(@Size(max = 500) String note) {}

    private final UndeliverableMails mails;
    private final UndeliverableMailActions actions;
    private final WorkflowProperties workflow;

    UndeliverableMailController(UndeliverableMails mails, UndeliverableMailActions actions,
            WorkflowProperties workflow) {
        this.mails = mails;
        this.actions = actions;
        this.workflow = workflow;
    }

    @GetMapping("/api/mail/undeliverable")
    List<UndeliverableMails.Undeliverable> open(Authentication auth) {
        require(auth);
        return mails.open(500);
    }

    @PostMapping("/api/mail/undeliverable/resend")
    Map<String, Object> resend(@RequestParam String key, @Valid @RequestBody(required = false) Resend body,
            Authentication auth) {
        require(auth);
        String to = actions.resend(key, body == null ? null : body.to(), auth.getName());
        return Map.of("key", key, "resentTo", to);
    }

    @PostMapping("/api/mail/undeliverable/close")
    Map<String, Object> close(@RequestParam String key, @Valid @RequestBody(required = false) Close body,
            Authentication auth) {
        require(auth);
        actions.close(key, body == null ? null : body.note(), auth.getName());
        return Map.of("key", key, "closed", true);
    }

    private void require(Authentication auth) {
        boolean admin = Callers.admin(auth);
        if (!admin && !Callers.of(auth).holds(workflow.applicantDelegate())) {
            throw WorkflowException.forbidden("refused mails are for " + workflow.applicantDelegate()
                    + " and admins");
        }
    }
}
