package id.pintu.intake;

import id.pintu.security.UserDirectory;
import id.pintu.workflow.WorkflowException;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dossier check for staff: what the hub found (each required document present, missing or invalid), and the
 * front office's correction of a file's match. The review queue of input that made no case.
 */
@RestController
class DossierController {

    /** {@code requirement}: a key of the SOP's dossier, or null/empty for "none of them". */
    record Correction(@Size(max = 64) String requirement) {}

    private final DossierService dossier;
    private final IntakeRecords records;
    private final String frontOffice;

    DossierController(DossierService dossier, IntakeRecords records,
            id.pintu.workflow.WorkflowProperties workflow) {
        this.dossier = dossier;
        this.records = records;
        this.frontOffice = workflow.applicantDelegate();
    }

    @GetMapping("/api/applications/{id}/dossier")
    DossierView get(@PathVariable String id) {
        return dossier.view(id);
    }

    @PutMapping("/api/applications/{id}/dossier/{documentId}")
    DossierView correct(@PathVariable String id, @PathVariable String documentId, @RequestBody Correction body,
            Authentication auth) {
        boolean clerk = auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(UserDirectory.ACTOR_AUTHORITY_PREFIX + frontOffice));
        if (!clerk) {
            throw WorkflowException.forbidden("only the " + frontOffice + " may correct the dossier");
        }
        return dossier.correct(id, documentId, body.requirement(), auth.getName());
    }

    @GetMapping({"/api/intake-review", "/api/admin/intake-review"})
    List<IntakeRecords.Review> reviews(@RequestParam(defaultValue = "100") int limit) {
        return records.reviews(Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping({"/api/intake-review/{reviewId}/raw", "/api/admin/intake-review/{reviewId}/raw"})
    ResponseEntity<byte[]> raw(@PathVariable String reviewId) {
        byte[] raw = records.raw(reviewId).orElseThrow(() -> WorkflowException.notFound("no review item " + reviewId));
        return ResponseEntity.ok().header("Content-Type", "message/rfc822")
                .header("Content-Disposition", "attachment; filename=\"" + reviewId + ".eml\"").body(raw);
    }
}
