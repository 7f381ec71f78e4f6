package id.pintu.sop;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a bound definition: bean-validation constraints on the records, then the graph rules (known actors,
 * consistent transitions, every step reachable from the first, every path able to end). Each problem is phrased
 * as {@code step N, field F: what is wrong}.
 */
public class SopValidator {

    private final Validator validator;

    public SopValidator(Validator validator) {
        this.validator = validator;
    }

    public List<String> problems(SopDefinition sop, Map<String, Actor> actors) {
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<SopDefinition> v : validator.validate(sop)) {
            problems.add(describe(sop, v));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.naturalOrder());
            return problems;
        }
        Map<Integer, Step> byNo = new HashMap<>();
        for (Step s : sop.steps()) {
            if (byNo.put(s.no(), s) != null) {
                problems.add("step " + s.no() + ", field no: the number is used by more than one step");
            }
        }
        if (sop.columns() != null) {
            for (String column : sop.columns()) {
                if (!actors.containsKey(column)) {
                    problems.add("field columns: unknown actor '" + column + "' (known: " + actors.keySet() + ")");
                }
            }
        }
        for (Step s : sop.steps()) {
            checkStep(s, byNo, actors, problems);
        }
        if (problems.isEmpty()) {
            checkGraph(sop, byNo, problems);
        }
        return problems;
    }

    private void checkStep(Step s, Map<Integer, Step> byNo, Map<String, Actor> actors, List<String> problems) {
        String at = "step " + s.no() + ", field ";
        for (String a : s.actors()) {
            if (!actors.containsKey(a)) {
                problems.add(at + "actors: unknown actor '" + a + "' (known: " + actors.keySet() + ")");
            }
        }
        if (s.performer() != null && !s.actors().contains(s.performer())) {
            problems.add(at + "performer: '" + s.performer() + "' is not one of the step's actors " + s.actors());
        }
        if (s.actors().size() > 1 && s.performer() == null) {
            problems.add(at + "performer: several actors are marked " + s.actors() + "; name the one who performs it");
        }
        Waktu.parse(s.waktu()).ifPresentOrElse(
                parsed -> {
                    if (!parsed.equals(s.duration())) {
                        problems.add(at + "duration: " + s.duration() + " does not match waktu '" + s.waktu()
                                + "' (" + parsed + ")");
                    }
                },
                () -> problems.add(at + "waktu: '" + s.waktu() + "' is not a time like '15 Menit', '2 Jam' or '1 Hari'"));
        if (s.integration() != null && s.next() == null) {
            problems.add(at + "integration: only an activity that leads to a next step can wait for an external system");
        }
        if (s.isDecision()) {
            if (s.next() != null || s.end() != null) {
                problems.add(at + "next: a decision leads on through its outcomes, not through next/end");
            }
            List<Outcome> outcomes = s.outcomesOrEmpty();
            if (outcomes.size() < 2) {
                problems.add(at + "outcomes: a decision needs at least two outcomes");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                if (!ids.add(o.id())) {
                    problems.add(at + "outcomes[" + i + "].id: '" + o.id() + "' is used twice");
                }
                if (!byNo.containsKey(o.next())) {
                    problems.add(at + "outcomes[" + i + "].next: refers to step " + o.next() + ", which does not exist");
                }
            }
        } else {
            if (s.outcomes() != null && !s.outcomes().isEmpty()) {
                problems.add(at + "outcomes: only a decision has outcomes");
            }
            if ((s.next() == null) == (s.end() == null)) {
                problems.add(at + "next: an activity needs exactly one of next (a step number) or end (ISSUED/REJECTED)");
            } else if (s.next() != null && !byNo.containsKey(s.next())) {
                problems.add(at + "next: refers to step " + s.next() + ", which does not exist");
            }
        }
    }

    private void checkGraph(SopDefinition sop, Map<Integer, Step> byNo, List<String> problems) {
        Set<Integer> reachable = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(sop.firstStep().no()));
        while (!todo.isEmpty()) {
            Integer no = todo.pop();
            if (reachable.add(no)) {
                todo.addAll(byNo.get(no).successors());
            }
        }
        for (Step s : sop.steps()) {
            if (!reachable.contains(s.no())) {
                problems.add("step " + s.no() + ", field no: unreachable from step " + sop.firstStep().no());
            }
        }
        // Walk backwards from the end steps: whatever cannot reach one would run forever.
        Map<Integer, List<Integer>> predecessors = new HashMap<>();
        for (Step s : sop.steps()) {
            for (Integer n : s.successors()) {
                predecessors.computeIfAbsent(n, k -> new ArrayList<>()).add(s.no());
            }
        }
        Set<Integer> canEnd = new HashSet<>();
        Deque<Integer> back = new ArrayDeque<>();
        sop.steps().stream().filter(s -> s.end() != null).forEach(s -> back.add(s.no()));
        if (back.isEmpty()) {
            problems.add("field steps: no step ends the case (give the last step of each branch end: ISSUED or REJECTED)");
            return;
        }
        if (sop.steps().stream().noneMatch(s -> s.end() == EndStatus.ISSUED)) {
            problems.add("field steps: no step ends ISSUED, so no case could end with its permit (give the last step"
                    + " of the approval branch end: ISSUED)");
        }
        while (!back.isEmpty()) {
            Integer no = back.pop();
            if (canEnd.add(no)) {
                back.addAll(predecessors.getOrDefault(no, List.of()));
            }
        }
        for (Step s : sop.steps()) {
            if (reachable.contains(s.no()) && !canEnd.contains(s.no())) {
                problems.add("step " + s.no() + ", field next: no path from here reaches an end step");
            }
        }
    }

    /** Turns {@code steps[7].outcomes[1].next} into {@code step 8, field outcomes[1].next}. */
    private static String describe(SopDefinition sop, ConstraintViolation<SopDefinition> v) {
        StringBuilder field = new StringBuilder();
        String step = null;
        String previous = null;
        for (Path.Node node : v.getPropertyPath()) {
            // Hibernate Validator puts a container element's index on the node that follows the container.
            if (node.isInIterable() && node.getIndex() != null) {
                if (step == null && "steps".equals(previous)) {
                    Step s = sop.steps().get(node.getIndex());
                    step = "step " + (s != null && s.no() != null ? s.no() : "#" + (node.getIndex() + 1));
                    field.setLength(0);
                } else {
                    field.append('[').append(node.getIndex()).append(']');
                }
            }
            if (node.getName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            previous = node.getName();
        }
        return (step != null ? step + ", " : "") + "field " + field + ": " + v.getMessage();
    }
}
