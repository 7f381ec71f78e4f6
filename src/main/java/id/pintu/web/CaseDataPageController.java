package id.pintu.web;

import id.pintu.api.SubmitRequest;
import id.pintu.casedata.CaseDataCorrections;
import id.pintu.workflow.WorkflowException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's form "Perbaiki data pemohon": the front office (and admins) correct a mistyped email address or
 * identity number, with the reason, through the same {@link CaseDataCorrections} and checks as the API. A refused
 * form comes back with what was typed.
 */
@Controller
class CaseDataPageController {

    /** The form's fields, in the order the refusal names them. */
    static final List<String> FIELDS = List.of("applicantName", "applicantEmail", "applicantPhone", "companyName",
            "nib", "npwp", "kbli", "address");

    private static final Map<String, String> BY_PROPERTY = Map.of(
            "name", "applicantName", "email", "applicantEmail", "phone", "applicantPhone");
    private static final Map<String, String> BY_COMPANY_PROPERTY = Map.of(
            "name", "companyName", "nib", "nib", "npwp", "npwp", "kbli", "kbli", "address", "address");

    static final int MAX_REASON = 500;

    private final StaffAccess access;
    private final CaseDataCorrections corrections;
    private final Validator validator;
    private final MessageSource messages;

    CaseDataPageController(StaffAccess access, CaseDataCorrections corrections, Validator validator,
            MessageSource messages) {
        this.access = access;
        this.corrections = corrections;
        this.validator = validator;
        this.messages = messages;
    }

    @PostMapping("/permohonan/{id}/data-pemohon")
    String correct(@PathVariable String id, @RequestParam Map<String, String> form, Authentication auth,
            RedirectAttributes flash) {
        if (!access.mayAnswerApplicants(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not correct an application's data");
        }
        String back = "redirect:/permohonan/" + id + "#data-pemohon";
        Map<String, String> typed = new LinkedHashMap<>();
        // A browser sends a text area's line breaks as CRLF; the records hold LF
        FIELDS.forEach(f -> typed.put(f, form.getOrDefault(f, "").replace("\r\n", "\n")));
        String reason = form.getOrDefault("reason", "").replace("\r\n", "\n").strip();
        typed.put("reason", reason);
        SubmitRequest.ApplicantPart applicant = new SubmitRequest.ApplicantPart(typed.get("applicantName"),
                typed.get("applicantEmail"), blankToNull(typed.get("applicantPhone")));
        SubmitRequest.CompanyPart company = new SubmitRequest.CompanyPart(typed.get("companyName"), typed.get("nib"),
                typed.get("npwp"), typed.get("address"), typed.get("kbli"));
        Set<String> wrong = new LinkedHashSet<>();
        for (ConstraintViolation<SubmitRequest.ApplicantPart> v : validator.validate(applicant)) {
            wrong.add(BY_PROPERTY.get(v.getPropertyPath().toString()));
        }
        for (ConstraintViolation<SubmitRequest.CompanyPart> v : validator.validate(company)) {
            wrong.add(BY_COMPANY_PROPERTY.get(v.getPropertyPath().toString()));
        }
        if (!wrong.isEmpty()) {
            return refused(flash, typed, "case.data.invalid", labels(FIELDS.stream().filter(wrong::contains)
                    .toList()), back);
        }
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            return refused(flash, typed, "case.data.reason", null, back);
        }
        try {
            CaseDataCorrections.Result r = corrections.correct(id, applicant.toApplicant(), company.toCompany(),
                    reason, auth.getName());
            if (r.changed().isEmpty()) {
                flash.addFlashAttribute("notice", "case.data.unchanged");
            } else {
                flash.addFlashAttribute("notice", r.mailsResent() > 0 ? "case.data.correctedResent"
                        : "case.data.corrected");
                flash.addFlashAttribute("noticeArgs", new Object[] {r.changed().size(), r.mailsResent()});
            }
        } catch (WorkflowException e) {
            if (e.reason() == WorkflowException.Reason.UNPROCESSABLE) {
                return refused(flash, typed, "case.data.invalid", labels(List.of("applicantEmail")), back);
            }
            if (e.reason() == WorkflowException.Reason.CONFLICT) {
                return refused(flash, typed, "case.data.locked", null, back);
            }
            throw e;
        }
        return back;
    }

    private String refused(RedirectAttributes flash, Map<String, String> typed, String error, String fields,
            String back) {
        flash.addFlashAttribute("error", error);
        if (fields != null) {
            flash.addFlashAttribute("errorArgs", new Object[] {fields});
        }
        flash.addFlashAttribute("draftData", typed);
        return back;
    }

    private String labels(List<String> fields) {
        return String.join(", ", fields.stream()
                .map(f -> messages.getMessage("case.data.label." + f, null, f, LocaleContextHolder.getLocale()))
                .toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
