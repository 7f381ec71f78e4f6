package id.pintu.report;

import id.pintu.api.ApiErrors;
import id.pintu.common.Texts;
import id.pintu.sla.SlaProperties;
import id.pintu.sop.SopCatalog;
import id.pintu.survey.SatisfactionSurvey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SOP evaluation report (staff): JSON, CSV and a printable PDF. {@code from} and {@code to} are days
 * (YYYY-MM-DD, both included); the default period is the current month up to today. Beside it the satisfaction
 * index of the applicants' surveys.
 */
@RestController
class ReportController {

    private final SopEvaluationService service;
    private final SopCatalog catalog;
    private final SlaProperties properties;
    private final Clock clock;
    private final SatisfactionSurvey survey;
    private final IkmReportPdf ikmPdf;

    ReportController(SopEvaluationService service, SopCatalog catalog, SlaProperties properties, Clock clock,
            SatisfactionSurvey survey, IkmReportPdf ikmPdf) {
        this.ikmPdf = ikmPdf;
        this.survey = survey;
        this.service = service;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/reports/sop-evaluation")
    SopEvaluation json(@RequestParam(required = false) String sop, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return evaluate(sop, from, to);
    }

    @GetMapping("/api/reports/sop-evaluation.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String sop, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        SopEvaluation e = evaluate(sop, from, to);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + e.fileName() + ".csv\"")
                .body(SopEvaluationCsv.write(e).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/reports/sop-evaluation.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String sop, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        SopEvaluation e = evaluate(sop, from, to);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + e.fileName() + ".pdf\"")
                .body(SopEvaluationPdf.write(e, properties.zone()));
    }

    /**
     * The Indeks Kepuasan Masyarakat of the surveys answered in a period (default: this year up to today), as the
     * office publishes it (Peraturan Menteri PANRB 14/2017): respondents, each element's mean, the index, its grade;
     * of one service ({@code sop}) or of all, with each service's index beside it.
     */
    @GetMapping("/api/reports/ikm")
    IkmReport ikm(@RequestParam(required = false) String sop, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        IkmSelection w = ikmSelection(sop, from, to);
        Instant since = w.from().atStartOfDay(properties.zone()).toInstant();
        Instant until = w.to().plusDays(1).atStartOfDay(properties.zone()).toInstant();
        return new IkmReport(w.from(), w.to(), w.sop(), survey.index(since, until, w.sop()), w.sop() != null
                ? List.of() : survey.byService(since, until).stream()
                        .map(s -> new ServiceIkm(s.sop(), catalog.sopName(s.sop()), s.index())).toList());
    }

    /** The days (both included) and the service (null: all) a survey report covers. */
    private record IkmSelection(LocalDate from, LocalDate to, String sop) {}

    /** Default: this year up to today, all services; 400 for an unknown service, a bad day or a reversed period. */
    private IkmSelection ikmSelection(String sop, String from, String to) {
        String code = sop == null || sop.isBlank() ? null : sop.strip();
        if (code != null && catalog.find(code).isEmpty()) {
            throw new ApiErrors.FieldProblem("sop", "unknown SOP '" + code + "'; see GET /api/sops");
        }
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        LocalDate start = day("from", from, today.withDayOfYear(1));
        LocalDate end = day("to", to, today);
        if (end.isBefore(start)) {
            throw new ApiErrors.FieldProblem("to", "the period ends (" + end + ") before it starts (" + start + ")");
        }
        return new IkmSelection(start, end, code);
    }

    /** The same period as a printable report: the index, each element and service, the suggestions and follow-ups. */
    @GetMapping("/api/reports/ikm.pdf")
    ResponseEntity<byte[]> ikmPdf(@RequestParam(required = false) String sop,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        IkmSelection w = ikmSelection(sop, from, to);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"laporan-skm-" + w.from() + "-" + w.to()
                        + ".pdf\"")
                .body(ikmPdf.render(w.from(), w.to(), w.sop()));
    }

    /** The satisfaction index of a period ({@code to} included), of one service or of all. */
    record IkmReport(LocalDate from, LocalDate to, String sop, SatisfactionSurvey.Index index,
            List<ServiceIkm> services) {}

    /** One service's index in the period. */
    record ServiceIkm(String sop, String name, SatisfactionSurvey.Index index) {}

    private SopEvaluation evaluate(String sop, String from, String to) {
        String code = sop == null || sop.isBlank() ? catalog.defaultSop().code() : sop.trim();
        if (catalog.find(code).isEmpty()) {
            throw new ApiErrors.FieldProblem("sop", "unknown SOP '" + code + "'; see GET /api/sops");
        }
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        LocalDate start = day("from", from, today.withDayOfMonth(1));
        LocalDate end = day("to", to, today);
        if (end.isBefore(start)) {
            throw new ApiErrors.FieldProblem("to", "the period ends (" + end + ") before it starts (" + start + ")");
        }
        if (start.plusYears(5).isBefore(end)) {
            throw new ApiErrors.FieldProblem("to", "a period may span at most five years");
        }
        return service.evaluate(code, start, end);
    }

    private static LocalDate day(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ApiErrors.FieldProblem(field, "'" + value + "' is not a day like 2026-07-31");
        }
        if (!Texts.ofRecords(day)) {
            throw new ApiErrors.FieldProblem(field, "'" + value + "' is not a day of the office's records");
        }
        return day;
    }

}
