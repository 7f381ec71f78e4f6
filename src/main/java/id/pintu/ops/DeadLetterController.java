package id.pintu.ops;

import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
import id.pintu.workflow.WorkflowException;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (see SecurityConfig: /api/admin/**). */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final AuditTrail audit;

    DeadLetterController(DeadLetters deadLetters, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GetMapping
    List<DeadLetters.DeadLetter> list() {
        return deadLetters.list();
    }

    @PostMapping("/{messageId}/redrive")
    Map<String, String> redrive(@PathVariable String messageId, Authentication auth) {
        String queue = deadLetters.redrive(messageId)
                .orElseThrow(() -> WorkflowException.notFound("no dead letter " + messageId));
        // Recorded after the move: a re-drive changes what the hub will do with a case, so it is audited.
        audit.append(new AuditTrail.Record(auth.getName(), AuditActions.DEAD_LETTER_REDRIVEN, null, null,
                Map.of("queue", "dead letters"), Map.of("messageId", messageId, "queue", queue), null));
        return Map.of("messageId", messageId, "redrivenTo", queue);
    }
}
