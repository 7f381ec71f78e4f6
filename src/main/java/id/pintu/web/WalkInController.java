package id.pintu.web;

import id.pintu.api.SubmitRequest;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.security.SafePdf;
import id.pintu.sla.LatestFinish;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.Application;
import id.pintu.workflow.NewApplication;
import id.pintu.workflow.Submitted;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The front office registers a walk-in applicant's dossier with its scans (SOP step 1 on the applicant's behalf).
 * The data is validated by the REST intake's own rules ({@link SubmitRequest}); the scans by their bytes. The case
 * and its scans are stored in one transaction, and the tracking code and secret token are shown once, to print.
 */
@Controller
class WalkInController {

    static final String CHANNEL = "loket";

    /** The REST intake's property paths, as fields of this form. */
    private static final Map<String, String> FIELDS = Map.of(
            "applicant.name", "applicantName",
            "applicant.email", "applicantEmail",
            "applicant.phone", "applicantPhone",
            "company.name", "companyName",
            "company.nib", "nib",
            "company.npwp", "npwp",
            "company.address", "address",
            "company.kbli", "kbli",
            "description", "description",
            "sop", "sop");

    private final StaffAccess access;
    private final WorkflowService workflow;
    private final DocumentStore documents;
    private final SopCatalog catalog;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final WebProperties properties;
    private final SafePdf pdf;

    private final LatestFinish latestFinish;

    WalkInController(StaffAccess access, WorkflowService workflow, DocumentStore documents, SopCatalog catalog,
            Validator validator, TransactionTemplate tx, WebProperties properties,
            SafePdf pdf, LatestFinish latestFinish) {
        this.latestFinish = latestFinish;
        this.access = access;
        this.workflow = workflow;
        this.documents = documents;
        this.catalog = catalog;
        this.validator = validator;
        this.tx = tx;
        this.properties = properties;
        this.pdf = pdf;
    }

    @ModelAttribute("sops")
    Object sops() {
        return catalog.all();
    }

    @GetMapping("/loket/baru")
    String form(Authentication auth, Model model) {
        requireFrontOffice(auth);
        WalkInForm form = new WalkInForm();
        form.setSop(catalog.defaultSop().code());
        model.addAttribute("form", form);
        model.addAttribute("maxMb", properties.maxUploadSize().toMegabytes());
        return "loket";
    }

    @PostMapping("/loket/baru")
    String register(@ModelAttribute("form") WalkInForm form, BindingResult result, Authentication auth, Model model,
            RedirectAttributes flash) {
        requireFrontOffice(auth);
        if (form.getSop() == null || catalog.find(form.getSop()).isEmpty()) {
            result.rejectValue("sop", "walkin.error.sop");
        }
        SubmitRequest request = new SubmitRequest(form.getSop(),
                new SubmitRequest.ApplicantPart(form.getApplicantName(), form.getApplicantEmail(),
                        blankToNull(form.getApplicantPhone())),
                new SubmitRequest.CompanyPart(form.getCompanyName(), form.getNib(), form.getNpwp(), form.getAddress(),
                        form.getKbli()),
                blankToNull(form.getDescription()));
        for (ConstraintViolation<SubmitRequest> v : validator.validate(request)) {
            String field = FIELDS.get(v.getPropertyPath().toString());
            if (field != null && !result.hasFieldErrors(field)) {
                result.rejectValue(field, "walkin.error." + field, v.getMessage());
            }
        }
        List<Uploads.Checked> scans = checkScans(form.getScans(), result);
        if (result.hasErrors()) {
            model.addAttribute("maxMb", properties.maxUploadSize().toMegabytes());
            return "loket";
        }
        Submitted submitted = tx.execute(status -> {
            Submitted s = workflow.submit(new NewApplication(request.sop(),
                    new Application.Applicant(request.applicant().name(), request.applicant().email(),
                            request.applicant().phone()),
                    new Application.Company(request.company().name(), request.company().nib(),
                            request.company().npwp(), request.company().address(), request.company().kbli()),
                    request.description(), CHANNEL));
            for (Uploads.Checked scan : scans) {
                documents.store(s.application().id(), scanKind(scan.name()), 1, scan.name(), scan.contentType(),
                        scan.content(), StoredDocument.STAFF, auth.getName());
            }
            return s;
        });
        Application a = submitted.application();
        flash.addFlashAttribute("receipt", new Receipt(a.trackingCode(), submitted.token(),
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/lacak")
                        .queryParam("kode", a.trackingCode()).queryParam("token", submitted.token())
                        .build().toUriString(),
                a.applicant().name(), a.company().name(), scans.size(),
                latestFinish.forCase(a, workflow.history(a.id())).orElse(null)));
        return "redirect:/loket/tanda-terima";
    }

    /** Shown once after registering; a reload finds no receipt (the token is not kept) and goes back to the form. */
    @GetMapping("/loket/tanda-terima")
    String receipt(Authentication auth, Model model) {
        requireFrontOffice(auth);
        return model.containsAttribute("receipt") ? "loket-tanda-terima" : "redirect:/loket/baru";
    }

    /** @param latestFinish when the office's work ends at the latest ({@link LatestFinish}); null if not known */
    record Receipt(String trackingCode, String token, String trackUrl, String applicantName, String companyName,
            int scans, Instant latestFinish) {}

    private List<Uploads.Checked> checkScans(List<MultipartFile> files, BindingResult result) {
        List<Uploads.Checked> checked = new ArrayList<>();
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (given.isEmpty()) {
            result.rejectValue("scans", "walkin.error.scansMissing");
            return checked;
        }
        if (given.size() > properties.maxScans()) {
            result.rejectValue("scans", "walkin.error.scansTooMany", new Object[] {properties.maxScans()}, null);
            return checked;
        }
        for (MultipartFile f : given) {
            try {
                checked.add(Uploads.check(f, properties.maxUploadSize().toBytes(), pdf));
            } catch (Uploads.Refused r) {
                result.rejectValue("scans", r.key(), r.args(), null);
                return checked;
            }
        }
        return checked;
    }

    /** A scan's kind from its file name ("Scan KTP.jpg" -> "scan-ktp"); the clerk's checklist refines it later. */
    private static String scanKind(String name) {
        int dot = name.lastIndexOf('.');
        return Uploads.slug(dot > 0 ? name.substring(0, dot) : name);
    }

    private void requireFrontOffice(Authentication auth) {
        if (!access.mayRegisterWalkIns(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not register walk-in applications");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
