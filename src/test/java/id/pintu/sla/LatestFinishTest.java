package id.pintu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.calendar.CalendarProperties;
import id.pintu.calendar.OfficeCalendar;
import id.pintu.sop.Actor;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.SopLoader;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The latest end of the office's work, on the seed SOP and the office calendar (working hours, weekends, the 2026
 * holidays): each remaining step entered when the one before it is due, over every forward branch, the latest end
 * counting; the applicant's steps add nothing, a branch back to an earlier step (step 5 returns the dossier to step 2)
 * is not a way to the end.
 */
class LatestFinishTest {

    /** Friday 14 August 2026, 10:00 WIB: the weekend and Monday 17 August (Independence Day) follow. */
    static final Instant FRIDAY_BEFORE_THE_17TH = Instant.parse("2026-08-14T03:00:00Z");

    static SopDefinition sop;
    static OfficeCalendar calendar;
    static Predicate<String> applicant;

    @BeforeAll
    static void seedSopAndOfficeCalendar() {
        SopLoader loader = new SopLoader(Validation.buildDefaultValidatorFactory().getValidator());
        Map<String, Actor> actors = loader.loadActors(Path.of("config/actors.yaml"));
        sop = loader.load(Path.of("config/sop/izin-perluasan-usaha-industri.yaml"), actors);
        calendar = new OfficeCalendar(new CalendarProperties(Path.of("config/calendar"), Path.of("office-hours.yaml"),
                Duration.ZERO, Duration.ofDays(92)), Clock.fixed(FRIDAY_BEFORE_THE_17TH, ZoneOffset.UTC));
        applicant = id -> actors.get(id) != null && actors.get(id).applicant();
    }

    @Test
    void onTheRecommendPathTheStepsUpToTheOfficesLastAddUp() {
        // Steps 17-24 are the office's; step 25 is the applicant's receipt and adds nothing.
        Instant expected = chain(FRIDAY_BEFORE_THE_17TH, List.of(17, 18, 19, 20, 21, 22, 23, 24));
        assertThat(latest(16)).contains(expected);
        // 5 h 15 min of working time from Friday 10:00 runs past Friday's close, over the weekend and the holiday.
        assertThat(expected).isAfter(Instant.parse("2026-08-18T01:00:00Z"));
    }

    @Test
    void atADecisionTheLongerBranchCounts() {
        Instant reject = chain(FRIDAY_BEFORE_THE_17TH, List.of(9, 10, 11, 12, 13, 14));
        Instant recommend = chain(FRIDAY_BEFORE_THE_17TH, List.of(16, 17, 18, 19, 20, 21, 22, 23, 24));
        assertThat(reject).as("8 h against 5 h 15 min").isAfter(recommend);
        assertThat(latest(8)).contains(reject);
    }

    @Test
    void aBranchBackToAnEarlierStepIsNotAWayToTheEnd() {
        // Step 5 "returned" leads back to step 2; its forward branch goes on to 6, 7, 8 and then the reject path.
        assertThat(latest(5)).contains(chain(FRIDAY_BEFORE_THE_17TH, List.of(6, 7, 8, 9, 10, 11, 12, 13, 14)));
        // Step 2's "incomplete" waits for the applicant: not counted either.
        assertThat(latest(2)).contains(chain(FRIDAY_BEFORE_THE_17TH, List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)));
    }

    @Test
    void theOfficesLastStepEndsWhenItIsDue() {
        assertThat(latest(14)).contains(FRIDAY_BEFORE_THE_17TH);
        assertThat(latest(24)).contains(FRIDAY_BEFORE_THE_17TH);
    }

    private static java.util.Optional<Instant> latest(int step) {
        return LatestFinish.latest(sop, step, FRIDAY_BEFORE_THE_17TH, calendar, applicant);
    }

    private static Instant chain(Instant from, List<Integer> steps) {
        Instant t = from;
        for (int n : steps) {
            t = calendar.dueAt(t, sop.requireStep(n).duration());
        }
        return t;
    }

    @Test
    void fromTheSubmissionTheFirstStepCountsOnlyWhenItIsTheOffices() throws Exception {
        assertThat(LatestFinish.fromSubmission(sop, FRIDAY_BEFORE_THE_17TH, calendar, applicant))
                .as("the applicant's submission is done: from step 1 on").isEqualTo(latest(1));
        // The same SOP with its first step the front office's registration (15 minutes of the office's time)
        SopLoader loader = new SopLoader(Validation.buildDefaultValidatorFactory().getValidator());
        Map<String, Actor> actors = loader.loadActors(Path.of("config/actors.yaml"));
        Path officeFirst = Files.createTempFile("office-first", ".yaml");
        Files.writeString(officeFirst, Files.readString(Path.of("config/sop/izin-perluasan-usaha-industri.yaml"))
                .replaceFirst("name: Menyampaikan Permohonan\n    actors: \\[pemohon]",
                        "name: Menyampaikan Permohonan\n    actors: [front-office]"));
        SopDefinition office = loader.load(officeFirst, actors);
        assertThat(office.firstStep().performingActor()).isEqualTo("front-office");
        assertThat(LatestFinish.fromSubmission(office, FRIDAY_BEFORE_THE_17TH, calendar, applicant))
                .contains(LatestFinish.latest(office, 1, calendar.dueAt(FRIDAY_BEFORE_THE_17TH,
                        office.firstStep().duration()), calendar, applicant).orElseThrow())
                .isNotEqualTo(LatestFinish.latest(office, 1, FRIDAY_BEFORE_THE_17TH, calendar, applicant));
    }
}
