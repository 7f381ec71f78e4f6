package id.pintu.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.calendar.OfficeCalendar;
import id.pintu.intake.ApplicantMessages;
import id.pintu.security.ActingOfficials;
import id.pintu.sla.SlaProperties;
import id.pintu.sla.SupervisorActions;
import id.pintu.sop.Actor;
import id.pintu.sop.SopCatalog;
import id.pintu.survey.SatisfactionSurvey;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The head of office's view (kadis, sekretaris, admins; enforced by the security chain): cases by status, open work
 * by step and by actor with the queues behind the inboxes, overdue and escalated tasks, and each step's record
 * against its mutu baku as charts, each with the same figures as a table for screen readers.
 */
@Controller
class DashboardController {

    record QueueDepth(Actor actor, long open, OptionalLong waiting) {}

    private final DashboardQueries queries;
    private final InboxQueries inbox;
    private final QueueDepths queues;
    private final SopCatalog catalog;
    private final WebProperties properties;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final OfficeCalendar calendar;
    private final Clock clock;
    private final ApplicantMessages applicantMessages;
    private final SupervisorActions supervisors;
    private final ActingOfficials acting;
    private final SatisfactionSurvey survey;
    private final SlaProperties slaProperties;

    DashboardController(DashboardQueries queries, InboxQueries inbox, QueueDepths queues, SopCatalog catalog,
            WebProperties properties, ObjectMapper json, MessageSource messages, OfficeCalendar calendar,
            Clock clock, ApplicantMessages applicantMessages, SupervisorActions supervisors, ActingOfficials acting,
            SatisfactionSurvey survey, SlaProperties slaProperties) {
        this.survey = survey;
        this.slaProperties = slaProperties;
        this.applicantMessages = applicantMessages;
        this.supervisors = supervisors;
        this.acting = acting;
        this.messages = messages;
        this.calendar = calendar;
        this.clock = clock;
        this.queries = queries;
        this.inbox = inbox;
        this.queues = queues;
        this.catalog = catalog;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/dasbor")
    String dashboard(Model model) throws JsonProcessingException {
        // One reading of the year for the counts, the heading's note and the IKM (a load at midnight on 31 December)
        int year = queries.year();
        var byStatus = queries.casesByStatus(year);
        var byStep = queries.openByStep();
        var sla = queries.slaPerStep();
        List<QueueDepth> depths = new ArrayList<>();
        queries.openByActor().forEach((actor, open) -> {
            Actor a = catalog.actors().get(actor);
            if (a != null) {
                depths.add(new QueueDepth(a, open, queues.waiting(actor)));
            }
        });
        // The head of office answers for late steps: a year whose holidays are not all on record makes due dates early.
        model.addAttribute("calendarGaps", calendar.gaps(clock.instant()));
        // A role nobody present holds today: its tasks wait until someone is back or a Plt/Plh is appointed
        // (a role nobody was given in the users file at all is named apart: IT must give it, nobody is away)
        List<String> unassigned = acting.unassigned();
        model.addAttribute("unheldActors", catalog.actors().values().stream()
                .filter(a -> !catalog.isApplicant(a.id()) && !unassigned.contains(a.id())
                        && supervisors.holdersToday(a.id()).isEmpty()).toList());
        model.addAttribute("unassignedActors", unassigned.stream().map(catalog::actorName).toList());
        model.addAttribute("awayToday", acting.awayToday());
        model.addAttribute("actingToday", acting.actingToday());
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("statusYear", year);
        model.addAttribute("byStep", byStep);
        model.addAttribute("depths", depths);
        model.addAttribute("overdue", inbox.overdue(catalog.applicantActor().id()));
        // The Indeks Kepuasan Masyarakat of this year (office time zone), from the applicants' surveys
        ZonedDateTime yearStart = LocalDate.of(year, 1, 1).atStartOfDay(slaProperties.zone());
        model.addAttribute("ikmYear", year);
        model.addAttribute("ikm", survey.index(yearStart.toInstant(), yearStart.plusYears(1).toInstant()));
        model.addAttribute("openSuggestions", survey.openSuggestions());
        // Read once for the menu (NavAdvice), which the dashboard's reader always has
        ApplicantMessages.Waiting unanswered = model.getAttribute("nav") instanceof NavAdvice.Nav nav
                && nav.messages() != null ? nav.messages() : applicantMessages.waiting();
        model.addAttribute("unanswered", unanswered);
        model.addAttribute("unansweredLate", unanswered.count() == 0 ? 0 : applicantMessages.late(1000));
        model.addAttribute("unansweredFor", unanswered.oldest() == null ? null
                : Duration.between(unanswered.oldest(), clock.instant()));
        model.addAttribute("sla", sla);
        model.addAttribute("severalSops", queries.severalSops());
        model.addAttribute("reportUrl", properties.evaluationReportUrl());

        // Chart data goes to the page as JSON in data attributes (escaped by Thymeleaf); no inline script.
        model.addAttribute("actorNames", actorNames());
        model.addAttribute("namesCases", json.writeValueAsString(Map.of("open", msg("dashboard.cases"))));
        model.addAttribute("namesOpen", json.writeValueAsString(Map.of("open", msg("dashboard.openTasks"))));
        model.addAttribute("slaNames", json.writeValueAsString(Map.of("taken", msg("dashboard.meanTaken"),
                "allowed", msg("dashboard.meanAllowed"), "onTime", msg("dashboard.onTime"))));
        model.addAttribute("chartStatus", chart(byStatus.stream().map(c -> msg("status." + c.key())).toList(),
                Map.of("open", byStatus.stream().map(DashboardQueries.Count::count).toList())));
        model.addAttribute("chartSteps", chart(byStep.stream().map(DashboardQueries.Count::label).toList(),
                Map.of("open", byStep.stream().map(DashboardQueries.Count::count).toList())));
        model.addAttribute("chartQueues", chart(depths.stream().map(d -> d.actor().name()).toList(),
                Map.of("open", depths.stream().map(QueueDepth::open).toList())));
        Map<String, Object> slaSeries = new LinkedHashMap<>();
        slaSeries.put("taken", sla.stream().map(DashboardQueries.StepSla::meanTakenHours).toList());
        slaSeries.put("allowed", sla.stream().map(DashboardQueries.StepSla::meanAllowedHours).toList());
        slaSeries.put("onTime", sla.stream().map(DashboardQueries.StepSla::onTimePercent).toList());
        // With several SOPs a bar names its SOP: two bars "5" were two different steps
        boolean several = queries.severalSops();
        model.addAttribute("chartSla", chart(sla.stream().map(s -> several ? s.sopCode() + " " + s.stepNo()
                : String.valueOf(s.stepNo())).toList(), slaSeries));
        return "dasbor";
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private Map<String, String> actorNames() {
        Map<String, String> names = new LinkedHashMap<>();
        catalog.actors().forEach((id, a) -> names.put(id, a.name()));
        return names;
    }

    private String chart(List<String> labels, Map<String, ?> series) throws JsonProcessingException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("series", series);
        return json.writeValueAsString(data);
    }
}
