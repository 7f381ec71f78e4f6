package id.pintu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.security.ActingOfficials;
import id.pintu.security.ActingProperties;
import id.pintu.security.UserDirectory;
import id.pintu.sop.SopCatalog;
import id.pintu.support.HubTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A breach goes to the nearest supervisor up the chain whom someone present holds, other than the late role's own
 * holders: with the kabid on leave and no Plh it went to the kabid's mailbox, which no one read. Where no one up the
 * chain qualifies (the top of it), the supervisor as before.
 */
@HubTest
class BreachGoesToSomeonePresentTest {

    /** Tuesday 22 December 2026, 10:00 WIB. */
    static final Instant DAY = Instant.parse("2026-12-22T03:00:00Z");

    @Autowired
    Supervision supervision;

    @Autowired
    UserDirectory users;

    @Autowired
    SopCatalog catalog;

    @TempDir
    Path dir;

    @Test
    void theBreachSkipsARoleNoOneElseHoldsToday() throws Exception {
        Path file = dir.resolve("acting.yaml");
        Files.writeString(file, """
                acting:
                  - user: sekretaris
                    actor: kadis
                    kind: PLH
                    from: "2026-12-21"
                    to: "2026-12-31"
                absent:
                  - user: kabid-pelayanan
                    from: "2026-12-21"
                    to: "2026-12-23"
                    reason: cuti tahunan
                """);
        ActingOfficials acting = new ActingOfficials(new ActingProperties(file, ZoneId.of("Asia/Jakarta")), users,
                catalog, Clock.fixed(DAY, ZoneOffset.UTC));
        BreachRecipient recipients = new BreachRecipient(supervision, acting);

        assertThat(supervision.supervisorOf("backoffice")).isEqualTo("kabid-pelayanan");
        assertThat(recipients.of("backoffice", null)).as("the kabid away, no Plh: the next up")
                .isEqualTo("sekretaris");
        assertThat(recipients.of("sekretaris", "sekretaris")).as("the top of the chain, whoever holds it")
                .isEqualTo("kadis");
        assertThat(recipients.of("front-office", "front-office")).as("the backoffice is present")
                .isEqualTo("backoffice");
        assertThat(new BreachRecipient(supervision, new ActingOfficials(new ActingProperties(file,
                ZoneId.of("Asia/Jakarta")), users, catalog, Clock.fixed(Instant.parse("2026-12-28T03:00:00Z"),
                ZoneOffset.UTC))).of("backoffice", null)).as("the kabid back").isEqualTo("kabid-pelayanan");
    }
}
