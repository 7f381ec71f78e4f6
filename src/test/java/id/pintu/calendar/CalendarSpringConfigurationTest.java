package id.pintu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The calendar's Spring wiring alone (no full application): defaults without any property, the demo hours file by
 * property, and a start-up that fails on a bad directory.
 */
class CalendarSpringConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CalendarConfiguration.class, OfficeCalendar.class)
            .withBean(Clock.class, () -> CalendarFixtures.CLOCK);

    @Test
    void defaultsNeedNoProperty() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            CalendarProperties properties = context.getBean(CalendarProperties.class);
            assertThat(properties.directory()).isEqualTo(Path.of("config/calendar"));
            assertThat(properties.resolvedHoursFile()).isEqualTo(Path.of("config/calendar/office-hours.yaml"));
            assertThat(properties.checkInterval()).isEqualTo(java.time.Duration.ofMinutes(1));
            assertThat(context.getBean(WorkingCalendar.class)
                    .isWorkingMoment(CalendarFixtures.wib("2026-11-28T10:00"))).isFalse();
        });
    }

    @Test
    void demoHoursFileByProperty() {
        runner.withPropertyValues("pintu.calendar.hours-file=always-open.yaml").run(context ->
                assertThat(context.getBean(WorkingCalendar.class)
                        .isWorkingMoment(CalendarFixtures.wib("2026-11-28T10:00"))).isTrue());
    }

    @Test
    void missingDirectoryFailsTheStartNamingIt() {
        runner.withPropertyValues("pintu.calendar.directory=no/such/dir").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("no/such/dir");
        });
    }
}
