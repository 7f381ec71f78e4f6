package id.pintu.documents;

import id.pintu.audit.DocumentReads;
import id.pintu.security.Callers;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's documents. Staff see and download all of them; the applicant, with the case's token, downloads the
 * documents addressed to them and nothing else (everything else answers 404, so ids cannot be probed).
 */
@RestController
class DocumentController {

    record DocumentView(String id, String kind, Integer step, String name, String contentType, long size,
            String sha256, String audience, Instant created, String createdBy) {

        static DocumentView of(StoredDocument d) {
            return new DocumentView(d.id(), d.kind(), d.stepNo(), d.name(), d.contentType(), d.sizeBytes(), d.sha256(),
                    d.audience(), d.createdAt(), d.createdBy());
        }
    }

    /** The technical team's field-review entries (SOP step 7) for the Berita Acara. */
    record FieldReportRequest(@Size(max = 6000) String findings,
            @Size(max = 30) Map<@Size(max = 100) String, @Size(max = 500) String> fields) {}

    static final String FIELD_REVIEW_ACTOR = "tim-teknis";

    private final DocumentStore store;
    private final ApplicationRepository applications;
    private final WorkflowService workflow;
    private final FieldReports reports;
    private final Clock clock;
    private final DocumentReads reads;
    private final ApplicantDocuments applicantDocuments;

    DocumentController(DocumentStore store, ApplicationRepository applications, WorkflowService workflow,
            FieldReports reports, Clock clock, DocumentReads reads, ApplicantDocuments applicantDocuments) {
        this.reads = reads;
        this.applicantDocuments = applicantDocuments;
        this.store = store;
        this.applications = applications;
        this.workflow = workflow;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/api/applications/{id}/documents")
    List<DocumentView> list(@PathVariable String id) {
        applications.find(id).orElseThrow(() -> WorkflowException.notFound("no application " + id));
        return store.ofApplication(id).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/api/documents/{docId}")
    ResponseEntity<byte[]> download(@PathVariable String docId, @RequestParam(required = false) String token,
            @RequestHeader(name = "X-Pintu-Token", required = false) String headerToken, Authentication auth) {
        StoredDocument d = store.find(docId).orElseThrow(DocumentController::none);
        boolean staff = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        String reader;
        if (staff) {
            reader = auth.getName();
        } else {
            // Meant for the applicant and delivered (ApplicantDocuments), with the case's token
            Application app = workflow.tokenMatches(d.applicationId(), headerToken != null ? headerToken : token)
                    ? applications.find(d.applicationId()).filter(a -> applicantDocuments.shown(a, d)).orElse(null)
                    : null;
            if (app == null) {
                throw none();
            }
            reader = "applicant:" + app.applicant().email();
        }
        // The read and its audit entry commit together (UU 27/2022: who saw which personal document, when).
        byte[] content = reads.read(d, reader, "api").orElseThrow(DocumentController::none);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.name()).build().toString())
                .header("X-Content-SHA256", d.sha256())
                .body(content);
    }

    @PutMapping("/api/applications/{id}/field-report")
    Map<String, Object> fieldReport(@PathVariable String id, @Valid @RequestBody FieldReportRequest body,
            Authentication auth) {
        applications.find(id).orElseThrow(() -> WorkflowException.notFound("no application " + id));
        if (!Callers.of(auth).holds(FIELD_REVIEW_ACTOR)) {
            throw WorkflowException.forbidden("the field report is entered by " + FIELD_REVIEW_ACTOR);
        }
        // Only while the field review is open: the Berita Acara is sealed from the report as it stands when the step's
        // completion is handled, so a change after it either slipped into the sealed paper or left the report
        // disagreeing with it, depending on timing
        Map<String, String> fields = body.fields() == null ? Map.of() : new LinkedHashMap<>(body.fields());
        if (!reports.saveWhileOpen(new FieldReport(id, body.findings(), fields, auth.getName(), clock.instant()),
                FIELD_REVIEW_ACTOR)) {
            throw WorkflowException.conflict("the field report can be entered or changed only while the case's step"
                    + " of " + FIELD_REVIEW_ACTOR + " is open; the Berita Acara is made from it when that step is"
                    + " completed");
        }
        return Map.of("applicationId", id, "findings", body.findings() == null ? "" : body.findings(), "fields", fields);
    }

    private static WorkflowException none() {
        return WorkflowException.notFound("no such document");
    }
}
