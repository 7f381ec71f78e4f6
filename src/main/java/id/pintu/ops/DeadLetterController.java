package id.pintu.ops;

import id.pintu.workflow.WorkflowException;
import java.util.List;
import java.util.Map;
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

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetters.DeadLetter> list() {
        return deadLetters.list();
    }

    @PostMapping("/{messageId}/redrive")
    Map<String, String> redrive(@PathVariable String messageId) {
        return deadLetters.redrive(messageId)
                .map(q -> Map.of("messageId", messageId, "redrivenTo", q))
                .orElseThrow(() -> WorkflowException.notFound("no dead letter " + messageId));
    }
}
