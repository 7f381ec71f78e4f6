package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.calendar.WorkingCalendar;
import id.pintu.sop.MutuBaku;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A task is green while more than a quarter of its working time is left, amber below that, red once its deadline
 * has passed, and escalated whenever the SLA feature escalated it, whatever the time left.
 */
class SlaClockColoursTest {

    private static final Instant ENTERED = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant DUE = ENTERED.plus(Duration.ofHours(4));

    /** A 24/7 calendar: working time is wall-clock time, which is enough to test the colour thresholds. */
    private static final WorkingCalendar ALWAYS_OPEN = new WorkingCalendar() {
        public Instant dueAt(Instant entered, MutuBaku limit) {
            return entered.plus(limit.workingTime()).plus(Duration.ofDays(limit.workingDays()));
        }

        public Duration workingTimeBetween(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }

        public boolean isWorkingMoment(Instant moment) {
            return true;
        }

        public Instant nextWorkingMoment(Instant moment) {
            return moment;
        }
    };

    @Test
    void coloursFollowTheShareOfWorkingTimeLeft() {
        assertThat(at(ENTERED.plus(Duration.ofHours(1))).state(ENTERED, DUE, 0)).isEqualTo(SlaState.ON_TIME);
        assertThat(at(ENTERED.plus(Duration.ofMinutes(170))).state(ENTERED, DUE, 0)).isEqualTo(SlaState.ON_TIME);
        assertThat(at(ENTERED.plus(Duration.ofMinutes(190))).state(ENTERED, DUE, 0)).isEqualTo(SlaState.DUE_SOON);
        assertThat(at(DUE).state(ENTERED, DUE, 0)).isEqualTo(SlaState.DUE_SOON);
        assertThat(at(DUE.plusSeconds(1)).state(ENTERED, DUE, 0)).isEqualTo(SlaState.OVERDUE);
        assertThat(at(ENTERED).state(ENTERED, DUE, 1)).isEqualTo(SlaState.ESCALATED);
        assertThat(at(DUE.plus(Duration.ofHours(2))).left(DUE)).isEqualTo(Duration.ofHours(-2));
    }

    /** Past the due date at night (no working time since): late, not "0 h 0 min left". */
    @Test
    void pastTheDueDateOutsideWorkingHoursIsLate() {
        WorkingCalendar closed = new WorkingCalendar() {
            public Instant dueAt(Instant entered, MutuBaku limit) {
                return entered;
            }

            public Duration workingTimeBetween(Instant from, Instant to) {
                return Duration.ZERO;
            }

            public boolean isWorkingMoment(Instant moment) {
                return false;
            }

            public Instant nextWorkingMoment(Instant moment) {
                return moment.plus(Duration.ofHours(12));
            }
        };
        SlaClock night = new SlaClock(closed, Clock.fixed(DUE.plus(Duration.ofHours(4)), ZoneOffset.UTC), properties());
        assertThat(night.state(ENTERED, DUE, 0)).isEqualTo(SlaState.OVERDUE);
        assertThat(night.left(DUE)).isNegative();
        assertThat(night.left(DUE).toMinutes()).isZero();
    }

    private static WebProperties properties() {
        return new WebProperties(Duration.ofSeconds(5), 500, 0.25, "escalation_level",
                DataSize.ofMegabytes(10), 20, List.of("kadis"), "/api/reports/sop-evaluation.pdf", "pintu-lang", 50);
    }

    private static SlaClock at(Instant now) {
        return new SlaClock(ALWAYS_OPEN, Clock.fixed(now, ZoneOffset.UTC), properties());
    }
}
