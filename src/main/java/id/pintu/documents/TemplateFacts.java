package id.pintu.documents;

import id.pintu.security.StaffUser;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import id.pintu.workflow.Application;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The values a document template may print, taken from the case, its history and the field report. */
public final class TemplateFacts {

    /** Every placeholder a template may use; a template naming another one stops start-up. */
    public static final Set<String> NAMES = Set.of("trackingCode", "sopName", "sopNumber", "applicantName",
            "applicantEmail", "applicantPhone", "companyName", "companyNib", "companyNpwp", "companyAddress",
            "companyKbli", "description", "submittedDate", "officeName", "city", "today", "stepName", "stepDate",
            "stepNote", "actorName", "outcomeLabel", "decisionNote", "findings", "reportFields", "latestFinish");

    private TemplateFacts() {}

    /**
     * @param trigger the task whose event produces the document (its note, performer, outcome); may be null
     * @param users looks up the official who completed a task
     */
    public static Map<String, String> of(Application app, SopDefinition sop, Task trigger, List<Task> history,
            Optional<FieldReport> report, OfficeProfile office, Function<String, Optional<StaffUser>> users,
            Instant now, ZoneId zone) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("trackingCode", app.trackingCode());
        v.put("sopName", sop.name());
        v.put("sopNumber", sop.number());
        v.put("applicantName", app.applicant().name());
        v.put("applicantEmail", app.applicant().email());
        v.put("applicantPhone", app.applicant().phone());
        v.put("companyName", app.company().name());
        v.put("companyNib", app.company().nib());
        v.put("companyNpwp", app.company().npwp());
        v.put("companyAddress", app.company().address());
        v.put("companyKbli", app.company().kbli());
        v.put("description", app.description());
        v.put("submittedDate", IndonesianDates.date(app.submittedAt(), zone));
        v.put("officeName", office.name());
        v.put("city", office.city());
        v.put("today", IndonesianDates.date(now, zone));
        if (trigger != null) {
            v.put("stepName", trigger.stepName());
            Instant at = trigger.completedAt() != null ? trigger.completedAt() : trigger.enteredAt();
            v.put("stepDate", IndonesianDates.dayAndDate(at, zone));
            v.put("stepNote", trigger.note());
            v.put("actorName", trigger.completedBy() == null ? null
                    : users.apply(trigger.completedBy()).map(StaffUser::fullName).orElse(trigger.completedBy()));
            if (trigger.outcome() != null) {
                v.put("outcomeLabel", sop.step(trigger.stepNo()).flatMap(s -> s.outcome(trigger.outcome()))
                        .map(o -> o.label()).orElse(trigger.outcome()));
            }
        }
        // The reason of the latest decision (for a rejection letter: the recommendation step's note).
        history.stream()
                .filter(t -> t.status() == TaskStatus.COMPLETED && t.outcome() != null)
                .filter(t -> sop.step(t.stepNo()).map(Step::isDecision).orElse(false))
                .max(Comparator.comparing(Task::completedAt))
                .ifPresent(t -> v.put("decisionNote", t.note()));
        report.ifPresent(r -> v.put("findings", r.findings()));
        // Every value as its placeholder may print it; the field report's rows are built after, as rows
        v.replaceAll((k, val) -> val == null ? null : MULTI_LINE.contains(k) ? noRows(val) : oneLine(val));
        report.ifPresent(r -> {
            StringBuilder rows = new StringBuilder();
            r.fields().forEach((k, val) -> rows.append("| ").append(oneLine(k).replace("|", "/")).append(" | ")
                    .append(val == null ? "-" : oneLine(val)).append('\n'));
            v.put("reportFields", rows.toString().strip());
        });
        return v;
    }

    /**
     * The values that may hold paragraphs: staff notes and the findings. The applicant's description is one line: the
     * permit prints it as the value of a row ("Uraian Perluasan"), whose column a second line would leave.
     */
    private static final Set<String> MULTI_LINE = Set.of("stepNote", "decisionNote", "findings");

    /**
     * A value on one line: a template lays out a line starting with "|" as a "label : value" row, so a company's
     * address or a description holding a line break followed by "| Masa Berlaku | Seumur hidup" printed an official
     * looking row in the sealed permit, and a two-line address left its column.
     */
    static String oneLine(String value) {
        return value.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** A value that keeps its paragraphs, none of whose lines starts a row. */
    static String noRows(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (String line : value.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            // The renderer strips a line as String.strip() does (Unicode white space), then looks for "|"
            int first = 0;
            while (first < line.length() && Character.isWhitespace(line.charAt(first))) {
                first++;
            }
            out.append(first < line.length() && line.charAt(first) == '|'
                    ? line.substring(0, first) + "/" + line.substring(first + 1) : line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
