package id.pintu.web;

import id.pintu.report.SopEvaluation;
import id.pintu.report.SopEvaluationPdf;
import id.pintu.report.SopEvaluationService;
import id.pintu.sla.SlaProperties;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.WorkflowException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The SOP evaluation report as the dashboard links it ({@code /dasbor/evaluasi-sop.pdf}, the page login, the
 * dashboard's readers): this month up to today, of the default service or of {@code layanan}. The API's
 * {@code /api/reports/sop-evaluation.pdf} takes HTTP Basic only, so a link to it from the page answered 401 with
 * nothing to sign in with; the API stays for any period and for scripts.
 */
@Controller
class EvaluationReportPageController {

    private final SopEvaluationService evaluation;
    private final SopCatalog catalog;
    private final SlaProperties sla;

    EvaluationReportPageController(SopEvaluationService evaluation, SopCatalog catalog, SlaProperties sla) {
        this.evaluation = evaluation;
        this.catalog = catalog;
        this.sla = sla;
    }

    @GetMapping("/dasbor/evaluasi-sop.pdf")
    ResponseEntity<byte[]> report(@RequestParam(name = "layanan", required = false) String service) {
        String code = service == null || service.isBlank() ? catalog.defaultSop().code() : service.strip();
        if (catalog.find(code).isEmpty()) {
            throw WorkflowException.notFound("no service " + code);
        }
        SopEvaluation e = evaluation.monthToDate(code);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + e.fileName() + ".pdf\"")
                .body(SopEvaluationPdf.write(e, sla.zone()));
    }
}
