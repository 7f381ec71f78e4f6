package id.pintu.mail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.documents.DocumentCatalog;
import id.pintu.documents.DocumentPlan;
import id.pintu.documents.DocumentPlanUsers;
import id.pintu.sop.Outcome;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopConfigurationCheck;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.SopFileSet;
import id.pintu.sop.SopFiles;
import id.pintu.sop.Step;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.TaskKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Which case event sends which mail, per SOP: {@code <rulesDirectory>/<sop>.yaml}. An SOP without a file sends no
 * status mail. Read and checked at start-up (an unknown event, step, outcome, status, template or attached document
 * stops the hub with a message naming the file and rule); while the hub runs, an edited, new or removed file is put in
 * force by {@link id.pintu.sop.SopFilesReload} after the same checks.
 */
@Component
@Order(2)
public class MailRules implements SopFiles, SopConfigurationCheck, DocumentPlanUsers {

    private static final Set<String> EVENTS = Set.of(CaseEvent.SUBMITTED, CaseEvent.STEP_ENTERED,
            CaseEvent.STEP_COMPLETED, CaseEvent.CASE_CLOSED);

    /** One rule; empty fields match anything. */
    public record Rule(String event, Integer step, String outcome, String taskKind, String status, String template,
            List<String> attach, List<String> skipChannels) {

        boolean matches(CaseEvent e, String channel) {
            return matches(e) && (skipChannels == null || !skipChannels.contains(channel));
        }

        /** Whether the rule matches the event on any channel. */
        boolean matches(CaseEvent e) {
            if (!event.equals(e.type())) {
                return false;
            }
            if (step != null && !step.equals(e.stepNo())) {
                return false;
            }
            if (outcome != null && !outcome.equals(e.outcome())) {
                return false;
            }
            if (status != null && (e.status() == null || !status.equals(e.status().name()))) {
                return false;
            }
            if (e.taskKind() != null) {
                // A step rule does not fire for the applicant's clarification of that step, and vice versa.
                String kind = taskKind == null ? "STEP" : taskKind;
                if (!kind.equals(e.taskKind().name())) {
                    return false;
                }
            } else if (taskKind != null) {
                return false;
            }
            return true;
        }

        public List<String> attachOrEmpty() {
            return attach == null ? List.of() : attach;
        }
    }

    record RuleFile(List<Rule> rules) {}

    private final MailTemplates templates;
    private final DocumentCatalog documents;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final SopFileSet<List<Rule>> bySop;

    public MailRules(MailProperties properties, MailTemplates templates, SopCatalog sops, DocumentCatalog documents) {
        this.templates = templates;
        this.documents = documents;
        this.bySop = new SopFileSet<>("mail", Path.of(properties.rulesDirectory()),
                SopFileSet.yaml(yaml, RuleFile.class, sops, this::read));
        List<String> problems = bySop.reload().problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid mail rules:\n  - " + String.join("\n  - ", problems));
        }
    }

    public List<Rule> matching(CaseEvent e, String channel) {
        return rules(e.sopCode()).stream().filter(r -> r.matches(e, channel)).toList();
    }

    /**
     * Whether a rule of the event's SOP matches it on some channel: most events owe no mail, and those need neither the
     * case's row (its channel) nor a database transaction.
     */
    public boolean mayOweMail(CaseEvent e) {
        return rules(e.sopCode()).stream().anyMatch(r -> r.matches(e));
    }

    public List<Rule> rules(String sopCode) {
        return bySop.get(sopCode).orElse(List.of());
    }

    @Override
    public SopFileSet<?> files() {
        return bySop;
    }

    /** The SOP's rules in force must fit a version about to be installed (their steps and outcomes). */
    @Override
    public List<String> problemsWith(SopDefinition candidate) {
        List<Rule> rules = rules(candidate.code());
        List<String> problems = new ArrayList<>();
        Optional<DocumentPlan> plan = documents.plan(candidate.code());
        for (int i = 0; i < rules.size(); i++) {
            check(bySop.directory().resolve(candidate.code() + ".yaml") + ", rule " + (i + 1), rules.get(i), candidate,
                    plan, problems);
        }
        return problems;
    }

    /**
     * A plan edited while the hub runs must still make, for the applicant, each document the SOP's rules attach: the
     * rules as they will be after this reload (the plans are reloaded first), so that a document renamed in both files
     * at once goes in.
     */
    @Override
    public List<String> problemsWith(Path planFile, DocumentPlan plan) {
        List<String> problems = new ArrayList<>();
        unmade(plan.sop(), plan).forEach((rule, kinds) -> kinds.forEach(kind -> problems.add(planFile
                + ", field documents: no document '" + kind + "' for the applicant, which "
                + bySop.directory().resolve(plan.sop() + ".yaml") + ", rule " + rule + ", attaches")));
        return problems;
    }

    /** A removed plan makes no document, so no rule of the SOP (as its file says now) may attach one. */
    @Override
    public List<String> problemsWithout(Path planFile, String sopCode) {
        List<String> problems = new ArrayList<>();
        unmade(sopCode, null).forEach((rule, kinds) -> problems.add(planFile + ": removed, but "
                + bySop.directory().resolve(sopCode + ".yaml") + ", rule " + rule + ", attaches "
                + String.join(", ", kinds) + " (the plan stays in force until the rule no longer attaches them)"));
        return problems;
    }

    /**
     * Per rule number of the SOP's rules as its file says now, the documents it attaches that {@code plan} (null: no
     * plan) does not make for the applicant.
     */
    private Map<Integer, List<String>> unmade(String sopCode, DocumentPlan plan) {
        List<Rule> rules = onDisk(sopCode);
        Map<Integer, List<String>> unmade = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            for (String kind : rules.get(i).attachOrEmpty()) {
                DocumentPlan.Spec spec = plan == null ? null : plan.documents().get(kind);
                if (spec == null || spec.audience() != DocumentPlan.Audience.APPLICANT) {
                    unmade.computeIfAbsent(i + 1, r -> new ArrayList<>()).add(kind);
                }
            }
        }
        return unmade;
    }

    /** The SOP's rules as its file says now; those in force if the file cannot be read. */
    private List<Rule> onDisk(String sopCode) {
        Path file = bySop.directory().resolve(sopCode + ".yaml");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            RuleFile f = yaml.readValue(Files.readString(file), RuleFile.class);
            return f == null || f.rules() == null ? List.of() : f.rules();
        } catch (IOException e) {
            return rules(sopCode);
        }
    }

    private List<Rule> read(SopDefinition sop, Path file, RuleFile f, List<String> problems) {
        List<Rule> rules = f == null || f.rules() == null ? List.of() : f.rules();
        Optional<DocumentPlan> plan = documents.plan(sop.code());
        for (int i = 0; i < rules.size(); i++) {
            check(file + ", rule " + (i + 1), rules.get(i), sop, plan, problems);
        }
        return problems.isEmpty() ? List.copyOf(rules) : null;
    }

    private void check(String at, Rule r, SopDefinition sop, Optional<DocumentPlan> plan, List<String> problems) {
        if (r.event() == null || r.template() == null) {
            problems.add(at + ": needs 'event' and 'template'");
            return;
        }
        if (!EVENTS.contains(r.event())) {
            problems.add(at + ", field event: '" + r.event() + "'; known: " + EVENTS.stream().sorted().toList());
        }
        templates.problem(r.template()).ifPresent(p -> problems.add(at + ", field template: " + p));
        if (r.step() != null) {
            Optional<Step> step = sop.step(r.step());
            if (step.isEmpty()) {
                problems.add(at + ", field step: SOP " + sop.code() + " has no step " + r.step());
            } else if (r.outcome() != null && step.get().outcome(r.outcome()).isEmpty()) {
                problems.add(at + ", field outcome: step " + r.step() + " has no outcome '" + r.outcome() + "'; it has "
                        + step.get().outcomesOrEmpty().stream().map(Outcome::id).toList());
            }
        }
        if (r.status() != null && Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(r.status()))) {
            problems.add(at + ", field status: '" + r.status() + "'; known: " + Arrays.toString(CaseStatus.values()));
        }
        if (r.taskKind() != null && Arrays.stream(TaskKind.values()).noneMatch(k -> k.name().equals(r.taskKind()))) {
            problems.add(at + ", field taskKind: '" + r.taskKind() + "'; known: " + Arrays.toString(TaskKind.values()));
        }
        for (String kind : r.attachOrEmpty()) {
            DocumentPlan.Spec spec = plan.map(p -> p.documents().get(kind)).orElse(null);
            if (spec == null) {
                problems.add(at + ", field attach: SOP " + sop.code() + "'s document plan has no document '" + kind
                        + "' (a mail that attaches it would wait for it in vain)");
            } else if (spec.audience() != DocumentPlan.Audience.APPLICANT) {
                problems.add(at + ", field attach: document '" + kind + "' is for the office's staff, not the applicant");
            }
        }
    }
}
