package id.pintu.web;

import id.pintu.sla.SlaProperties;
import id.pintu.sop.SopCatalog;
import id.pintu.survey.SatisfactionSurvey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page of the satisfaction index ({@code /ikm}, no login): Peraturan Menteri PANRB 14/2017 has the office
 * publish the results of its Survei Kepuasan Masyarakat. A year's index, its grade and respondents, each element's
 * mean and each service's index; never a suggestion or anything of one case.
 */
@Controller
class IkmPageController {

    /** The years a visitor may ask for: the office's records do not start before this one. */
    static final int FIRST_YEAR = 2020;

    private final SatisfactionSurvey survey;
    private final SopCatalog catalog;
    private final SlaProperties sla;
    private final Clock clock;

    IkmPageController(SatisfactionSurvey survey, SopCatalog catalog, SlaProperties sla, Clock clock) {
        this.survey = survey;
        this.catalog = catalog;
        this.sla = sla;
        this.clock = clock;
    }

    @GetMapping("/ikm")
    String publish(@RequestParam(name = "tahun", required = false) String year, Model model) {
        ZoneId zone = sla.zone();
        int thisYear = clock.instant().atZone(zone).getYear();
        int shown = thisYear;
        if (year != null && !year.isBlank()) {
            try {
                shown = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                shown = -1;
            }
            if (shown < FIRST_YEAR || shown > thisYear) {
                model.addAttribute("error", "ikm.error.year");
                shown = thisYear;
            }
        }
        Instant from = LocalDate.of(shown, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(shown + 1, 1, 1).atStartOfDay(zone).toInstant();
        model.addAttribute("enabled", survey.enabled());
        model.addAttribute("year", shown);
        model.addAttribute("previousYear", shown > FIRST_YEAR ? shown - 1 : null);
        model.addAttribute("nextYear", shown < thisYear ? shown + 1 : null);
        model.addAttribute("ikm", survey.index(from, to));
        model.addAttribute("byService", survey.byService(from, to).stream()
                .map(s -> new SurveyPageController.ServiceRow(s.sop(), catalog.sopName(s.sop()), s.index())).toList());
        return "ikm";
    }
}
