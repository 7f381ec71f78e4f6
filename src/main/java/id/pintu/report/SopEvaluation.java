package id.pintu.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The monitoring and evaluation of one SOP over a period (Permenpan-RB 35/2012): per step and per actor, the mutu
 * baku against the working time actually taken, with the cases finished per branch. Working times are minutes
 * counted on the office calendar between a task's entry and its completion.
 *
 * @param from first day of the period (office time zone)
 * @param to last day of the period, included
 * @param finishedByStatus cases of this SOP closed in the period, per final status (ISSUED, REJECTED, ...)
 */
public record SopEvaluation(
        String sop,
        String sopNumber,
        String sopName,
        LocalDate from,
        LocalDate to,
        Instant generatedAt,
        List<StepFigures> steps,
        List<ActorFigures> actors,
        Map<String, Integer> finishedByStatus) {

    /** The report's file name without extension: {@code evaluasi-sop-<sop>-<from>-<to>}. */
    public String fileName() {
        return "evaluasi-sop-" + sop + "-" + from + "-" + to;
    }

    /**
     * @param mutuBakuMinutes the limit in working minutes (a working day counted as {@code pintu.sla.working-day})
     * @param onTimeShare share of the completed tasks finished by their due date (0..1), null when none
     * @param reminders level-1 escalations of this step in the period; {@code breaches} level 2
     */
    public record StepFigures(int step, String name, String actor, String waktu, String mutuBaku,
            long mutuBakuMinutes, int completed, Double medianMinutes, Double p90Minutes, Double maxMinutes,
            Double onTimeShare, int reminders, int breaches) {}

    public record ActorFigures(String actor, String name, int completed, Double medianMinutes, Double p90Minutes,
            Double maxMinutes, Double onTimeShare, int reminders, int breaches) {}
}
