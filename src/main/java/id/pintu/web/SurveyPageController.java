package id.pintu.web;

import id.pintu.common.Texts;
import id.pintu.report.IkmReportPdf;
import id.pintu.sla.SlaProperties;
import id.pintu.sop.SopCatalog;
import id.pintu.survey.SatisfactionSurvey;
import id.pintu.workflow.WorkflowException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The results of the Survei Kepuasan Masyarakat for the head of office ({@code /survei}): the index of a period, of
 * every service and of each element, and the applicants' suggestions, each followed up once with what the office did
 * about it. A suggestion is shown without its case or its author's scores: the questionnaire promises that answers
 * count only together. The public page {@code /ikm} publishes the index without the suggestions.
 */
@Controller
class SurveyPageController {

    private static final int LIMIT = 500;

    private final SatisfactionSurvey survey;
    private final StaffAccess access;
    private final SopCatalog catalog;
    private final SlaProperties sla;
    private final Clock clock;
    private final IkmReportPdf reportPdf;

    SurveyPageController(SatisfactionSurvey survey, StaffAccess access, SopCatalog catalog, SlaProperties sla,
            Clock clock, IkmReportPdf reportPdf) {
        this.reportPdf = reportPdf;
        this.survey = survey;
        this.access = access;
        this.catalog = catalog;
        this.sla = sla;
        this.clock = clock;
    }

    /** A service as the survey pages name it. */
    record Service(String code, String name) {}

    @GetMapping("/survei")
    String results(@RequestParam(name = "dari", required = false) String from,
            @RequestParam(name = "sampai", required = false) String to,
            @RequestParam(name = "layanan", required = false) String service,
            @RequestParam(name = "semua", required = false) String all, Authentication auth, Model model) {
        requireAccess(auth);
        ZoneId zone = sla.zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate start = day(from, today.withDayOfYear(1), model);
        LocalDate end = day(to, today, model);
        if (end.isBefore(start)) {
            model.addAttribute("error", "surveyPage.error.period");
            start = today.withDayOfYear(1);
            end = today;
        }
        String sop = service == null || service.isBlank() ? null : service.strip();
        if (sop != null && catalog.find(sop).isEmpty()) {
            model.addAttribute("error", "surveyPage.error.service");
            sop = null;
        }
        Instant since = start.atStartOfDay(zone).toInstant();
        Instant until = end.plusDays(1).atStartOfDay(zone).toInstant();
        boolean everything = all != null;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("sop", sop);
        model.addAttribute("all", everything);
        model.addAttribute("services", services());
        model.addAttribute("ikm", survey.index(since, until, sop));
        model.addAttribute("byService", survey.byService(since, until).stream()
                .map(s -> new ServiceRow(s.sop(), catalog.sopName(s.sop()), s.index())).toList());
        model.addAttribute("suggestions", survey.suggestions(since, until, sop, !everything, LIMIT));
        model.addAttribute("openSuggestions", survey.openSuggestions());
        model.addAttribute("limit", LIMIT);
        model.addAttribute("maxFollowUp", SatisfactionSurvey.MAX_FOLLOW_UP);
        model.addAttribute("back", query(start, end, sop, everything));
        return "survei";
    }

    /** The same selection as a printable report (PDF under the letterhead; {@link IkmReportPdf}). */
    @GetMapping("/survei/laporan.pdf")
    ResponseEntity<byte[]> report(@RequestParam(name = "dari", required = false) String from,
            @RequestParam(name = "sampai", required = false) String to,
            @RequestParam(name = "layanan", required = false) String service, Authentication auth) {
        requireAccess(auth);
        LocalDate today = clock.instant().atZone(sla.zone()).toLocalDate();
        LocalDate start = strictDay("dari", from, today.withDayOfYear(1));
        LocalDate end = strictDay("sampai", to, today);
        if (end.isBefore(start)) {
            throw WorkflowException.unprocessable("the period ends (" + end + ") before it starts (" + start + ")");
        }
        String sop = service == null || service.isBlank() ? null : service.strip();
        if (sop != null && catalog.find(sop).isEmpty()) {
            throw WorkflowException.notFound("no service " + sop);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"laporan-skm-" + start + "-" + end
                        + ".pdf\"")
                .body(reportPdf.render(start, end, sop));
    }

    private static LocalDate strictDay(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw WorkflowException.unprocessable(field + ": '" + value + "' is not a day like 2026-07-31");
        }
        if (!Texts.ofRecords(day)) {
            throw WorkflowException.unprocessable(field + ": '" + value + "' is not a day of the office's records");
        }
        return day;
    }

    /** One service's line in the table of services. */
    record ServiceRow(String code, String name, SatisfactionSurvey.Index index) {}

    @PostMapping("/survei/saran/{id}/tindak-lanjut")
    String followUp(@PathVariable String id, @RequestParam(name = "catatan", required = false) String note,
            @RequestParam(name = "kembali", required = false) String back, Authentication auth,
            RedirectAttributes flash) {
        requireAccess(auth);
        try {
            survey.followUp(id, note, auth.getName());
            flash.addFlashAttribute("notice", "surveyPage.followedUp");
        } catch (WorkflowException e) {
            if (e.reason() == WorkflowException.Reason.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", e.reason() == WorkflowException.Reason.CONFLICT
                    ? "surveyPage.error.already" : "surveyPage.error.note");
        }
        // Back to the same selection; only a query this page made itself ("?dari=...") is followed
        String to = back != null && back.matches("\\?[A-Za-z0-9=&_.\\-]*") ? back : "";
        return "redirect:/survei" + to + "#saran-" + id;
    }

    private List<Service> services() {
        return catalog.all().stream().map(d -> new Service(d.code(), d.name()))
                .sorted(Comparator.comparing(Service::name)).toList();
    }

    private static String query(LocalDate from, LocalDate to, String sop, boolean all) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance().queryParam("dari", from).queryParam("sampai", to);
        if (sop != null) {
            b.queryParam("layanan", sop);
        }
        if (all) {
            b.queryParam("semua", "");
        }
        return b.build().encode().toUriString();
    }

    /** A day of the page's selection: a day that cannot be read shows the default, and says so. */
    private static LocalDate day(String value, LocalDate fallback, Model model) {
        try {
            return strictDay("", value, fallback);
        } catch (WorkflowException e) {
            model.addAttribute("error", "surveyPage.error.day");
            return fallback;
        }
    }


    private void requireAccess(Authentication auth) {
        if (!access.maySeeDashboard(auth)) {
            throw WorkflowException.forbidden(auth.getName() + " may not read the survey's results");
        }
    }
}
