package id.pintu.web;

import id.pintu.api.SubmitRequest;
import id.pintu.intake.ContentCheck;
import id.pintu.intake.DossierService;
import id.pintu.mail.StatusMails;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

/**
 * The front office registers a walk-in applicant's dossier with its scans (SOP step 1 on the applicant's behalf).
 * The data is validated by the REST intake's own rules ({@link SubmitRequest}); the scans by the email intake's
 * ({@link ContentCheck}), every refused scan named with its reason at once. The case and its scans are stored in one
 * transaction, the scans in the case's dossier (matched by name to the SOP's required documents, as an emailed
 * dossier is, and correctable on the task page), and the tracking code and secret token are shown once, to print.
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
    private final DossierService dossier;
    private final SopCatalog catalog;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final WebProperties properties;
    private final ContentCheck contentCheck;
    private final LatestFinish latestFinish;
    private final StatusMails statusMails;
    /**
     * Each form token's first submission, the newest {@value #KEPT_FORMS} kept (a token is a random UUID, given with
     * the form; a hub behind the gateway keeps a browser's requests, double clicks included).
     */
    private final Map<String, CompletableFuture<Receipt>> submissions = Collections.synchronizedMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Receipt>> eldest) {
                    return size() > KEPT_FORMS;
                }
            });
    private static final int KEPT_FORMS = 500;

    WalkInController(StaffAccess access, WorkflowService workflow, DossierService dossier, SopCatalog catalog,
            Validator validator, TransactionTemplate tx, WebProperties properties, ContentCheck contentCheck,
            LatestFinish latestFinish, StatusMails statusMails) {
        this.statusMails = statusMails;
        this.access = access;
        this.workflow = workflow;
        this.dossier = dossier;
        this.catalog = catalog;
        this.validator = validator;
        this.tx = tx;
        this.properties = properties;
        this.contentCheck = contentCheck;
        this.latestFinish = latestFinish;
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
        form.setFormToken(UUID.randomUUID().toString());
        model.addAttribute("form", form);
        model.addAttribute("maxMb", properties.maxUploadSize().toMegabytes());
        model.addAttribute("maxBytes", properties.maxUploadSize().toBytes());
        return "loket";
    }

    @PostMapping("/loket/baru")
    String register(@ModelAttribute("form") WalkInForm form, BindingResult result, Authentication auth, Model model,
            RedirectAttributes flash) {
        requireFrontOffice(auth);
        // A double click while the scans upload sends the form twice: the second waits for the first and shows its
        // receipt (the browser shows only the last answer; a second case's code and token were never seen).
        CompletableFuture<Receipt> mine = new CompletableFuture<>();
        String formToken = form.getFormToken();
        if (formToken != null && !formToken.isBlank()) {
            CompletableFuture<Receipt> first = submissions.putIfAbsent(formToken, mine);
            Receipt earlier = first == null ? null : firstResult(first);
            if (earlier != null) {
                flash.addFlashAttribute("receipt", earlier);
                return "redirect:/loket/tanda-terima";
            }
            if (first != null) {
                submissions.put(formToken, mine);
            }
        }
        try {
            return registerOnce(form, result, auth, model, flash, mine);
        } finally {
            if (!mine.isDone()) {
                // Refused (the form comes back to be corrected) or failed: the token may be sent again.
                if (formToken != null) {
                    submissions.remove(formToken, mine);
                }
                mine.complete(null);
            }
        }
    }

    /** What the first submission of a form made; null when it registered nothing (refused, failed). */
    private static Receipt firstResult(CompletableFuture<Receipt> first) {
        try {
            return first.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private String registerOnce(WalkInForm form, BindingResult result, Authentication auth, Model model,
            RedirectAttributes flash, CompletableFuture<Receipt> mine) {
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
        List<DossierService.Judged> scans = checkScans(form.getScans(), result);
        if (result.hasErrors()) {
            model.addAttribute("maxMb", properties.maxUploadSize().toMegabytes());
            model.addAttribute("maxBytes", properties.maxUploadSize().toBytes());
            return "loket";
        }
        Submitted submitted = tx.execute(status -> {
            Submitted s = workflow.submit(new NewApplication(request.sop(),
                    request.applicant().toApplicant(), request.company().toCompany(), request.description(), CHANNEL));
            dossier.record(s.application(), scans, 1, auth.getName());
            return s;
        });
        Application a = submitted.application();
        // On the address applicants open the hub at (pintu.mail.public-base-url), as the mails' links: built from
        // the counter's own request it named a LAN or gateway address no applicant reaches
        Receipt receipt = new Receipt(a.trackingCode(), submitted.token(),
                statusMails.trackUrl(a.trackingCode(), submitted.token()),
                a.applicant().name(), a.company().name(), scans.size(),
                latestFinish.forCase(a, workflow.history(a.id())).orElse(null));
        mine.complete(receipt);
        flash.addFlashAttribute("receipt", receipt);
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

    /**
     * Every scan is judged, and every one refused is named with its reason, so the clerk rescans them all in one go;
     * the same file chosen twice is named too. The form is refused as a whole: nothing is stored until all pass.
     */
    private List<DossierService.Judged> checkScans(List<MultipartFile> files, BindingResult result) {
        List<MultipartFile> given = Uploads.chosen(files);
        Optional<Uploads.Problem> count = Uploads.countProblem(given, properties.maxScans());
        if (count.isPresent()) {
            result.rejectValue("scans", count.get().key(), count.get().args(), null);
            return List.of();
        }
        Uploads.Batch batch = Uploads.checkAll(given, properties.maxUploadSize().toBytes(), contentCheck, Map.of());
        batch.refused().forEach(p -> result.rejectValue("scans", p.key(), p.args(), null));
        return batch.accepted();
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
