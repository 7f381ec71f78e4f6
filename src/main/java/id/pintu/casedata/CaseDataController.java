package id.pintu.casedata;

import id.pintu.api.SubmitRequest;
import id.pintu.security.Callers;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/applications/{id}/applicant-data}: the applicant's and company's details as they should be, all of
 * them (the submission's own checks), and why. For the front office, who deal with applicants, and admins.
 */
@RestController
class CaseDataController {

    record Correction(@NotNull @Valid SubmitRequest.ApplicantPart applicant,
            @NotNull @Valid SubmitRequest.CompanyPart company, @NotBlank @Size(max = 500) String reason) {}

    private final CaseDataCorrections corrections;
    private final WorkflowProperties workflow;

    CaseDataController(CaseDataCorrections corrections, WorkflowProperties workflow) {
        this.corrections = corrections;
        this.workflow = workflow;
    }

    @PutMapping("/api/applications/{id}/applicant-data")
    Map<String, Object> correct(@PathVariable String id, @Valid @RequestBody Correction body, Authentication auth) {
        if (!Callers.admin(auth) && !Callers.of(auth).holds(workflow.applicantDelegate())) {
            throw WorkflowException.forbidden("an application's data is corrected by " + workflow.applicantDelegate()
                    + " and admins");
        }
        CaseDataCorrections.Result r = corrections.correct(id, body.applicant().toApplicant(),
                body.company().toCompany(), body.reason().strip(), auth.getName());
        return Map.of("id", id, "changed", r.changed(), "mailsResent", r.mailsResent());
    }
}
