package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.sla.Supervision;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinitionException;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The office takes on a service whose SOP has a column for a post it did not have (the Dinas Kesehatan's verifier
 * of the midwife practice permit), without restarting the hub: IT adds the actor, its place in the supervision chain
 * and its first user, reloads, and installs the SOP; the new actor has a queue and an inbox at once and its user
 * works the step. An actor without a place in the chain, or an actor removed, is refused and changes nothing.
 */
@HubTest
class ActorAddedWhileRunningTest {

    static final String BIDAN = "surat-izin-praktik-bidan";
    static final String VERIFIER = "verifikator-dinkes";
    static final Path DIR;
    static final Path ACTORS;
    static final Path SUPERVISION;
    static final Path USERS;

    static {
        try {
            DIR = Files.createTempDirectory("pintu-actors");
            ACTORS = Files.copy(Path.of("config/actors.yaml"), DIR.resolve("actors.yaml"));
            SUPERVISION = Files.copy(Path.of("config/supervision.yaml"), DIR.resolve("supervision.yaml"));
            USERS = Files.copy(Path.of("config/users-demo.yaml"), DIR.resolve("users.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void officeFiles(DynamicPropertyRegistry registry) {
        registry.add("pintu.sop.actors-file", ACTORS::toString);
        registry.add("pintu.sla.supervision-file", SUPERVISION::toString);
        registry.add("pintu.security.users-file", USERS::toString);
        // Reloaded by the test's own requests only, so that each answer is the change it made.
        registry.add("pintu.security.check-interval", () -> "0s");
    }

    @Autowired
    Api api;

    @Autowired
    SopCatalog catalog;

    @Autowired
    Supervision supervision;

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewActorGetsItsInboxAndItsSopRunsWithoutARestart() throws IOException {
        String bidan = Files.readString(Path.of("src/test/resources/sop-many/sop/" + BIDAN + ".yaml"));
        assertThatThrownBy(() -> catalog.add(bidan, "test"))
                .as("the SOP names an actor the office does not have yet")
                .isInstanceOf(SopDefinitionException.class).hasMessageContaining(VERIFIER);

        // The actor alone: it has no place in the supervision chain, so nobody would hear of its late steps.
        String actors = Files.readString(ACTORS);
        write(ACTORS, actors + "  - id: " + VERIFIER + "\n    name: Verifikator Dinas Kesehatan\n");
        Api.Response refused = reload();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("supervision.yaml").contains("no email for '" + VERIFIER + "'");
        assertThat(catalog.actors()).doesNotContainKey(VERIFIER);
        assertThat(camel.getRoute("inbox-" + VERIFIER)).isNull();

        // With its supervisor and a first user, in one reload.
        write(SUPERVISION, Files.readString(SUPERVISION).replace("supervisors:\n",
                "supervisors:\n  " + VERIFIER + ": kabid-pelayanan\n"));
        write(USERS, Files.readString(USERS) + "  - username: " + VERIFIER + "\n    password: \""
                + StaffChangedWhileRunningTest.DEMO_HASH + "\"\n    actors: [" + VERIFIER + "]\n"
                + "    fullName: Sondang Simanjuntak, S.Keb\n");
        Api.Response added = reload();
        assertThat(added.status()).as("%s", added.body()).isEqualTo(200);
        assertThat(added.body().get("actorsAdded").get(0).asText()).isEqualTo(VERIFIER);
        assertThat(added.body().get("usersAdded").get(0).asText()).isEqualTo(VERIFIER);
        assertThat(added.body().get("supervisionChanged").asBoolean()).isTrue();
        assertThat(supervision.supervisorOf(VERIFIER)).isEqualTo("kabid-pelayanan");
        assertThat(camel.getRouteController().getRouteStatus("inbox-" + VERIFIER).isStarted()).isTrue();
        assertThat(meters.find("pintu.inbox.open").tag("actor", VERIFIER).gauge()).isNotNull();
        assertThat(api.call(HttpMethod.GET, "/api/actors", null, "admin").body().findValuesAsText("id"))
                .contains(VERIFIER);

        // The SOP installs now, and its verifier step reaches the new inbox and is worked by the new user.
        assertThat(catalog.add(bidan, "test").code()).isEqualTo(BIDAN);
        Map<String, Object> application = new HashMap<>(Api.application(1));
        application.put("sop", BIDAN);
        String id = api.submit(application).get("id").asText();
        JsonNode step2 = api.awaitTask(id, 2);
        assertThat(api.complete(step2.get("taskId").asText(), "front-office", null).status()).isEqualTo(200);
        JsonNode step3 = api.awaitTask(id, 3);
        assertThat(step3.get("actor").asText()).isEqualTo(VERIFIER);
        JsonNode inbox = api.call(HttpMethod.GET, "/api/inbox/" + VERIFIER, null, VERIFIER).body();
        assertThat(inbox.findValuesAsText("taskId")).contains(step3.get("taskId").asText());
        assertThat(api.complete(step3.get("taskId").asText(), "front-office", "yes").status())
                .as("another post's clerk").isEqualTo(403);
        assertThat(api.complete(step3.get("taskId").asText(), VERIFIER, "yes").status()).isEqualTo(200);
        JsonNode step4 = api.awaitTask(id, 4);
        assertThat(step4.get("actor").asText()).as("the site visit").isEqualTo(VERIFIER);
        assertThat(api.complete(step4.get("taskId").asText(), VERIFIER, null).status()).isEqualTo(200);
        assertThat(api.awaitTask(id, 5).get("actor").asText()).isEqualTo("kabid-pelayanan");

        // Removing an actor takes a restart: refused, and the actor stays.
        write(ACTORS, Files.readString(ACTORS).replace("  - id: tim-survei-reklame\n    name: Tim Survei Reklame\n", ""));
        Api.Response removal = reload();
        assertThat(removal.status()).isEqualTo(422);
        assertThat(removal.body().toString()).contains("'tim-survei-reklame' is no longer listed");
        assertThat(catalog.actors()).containsKeys("tim-survei-reklame", VERIFIER);

        List<String> audited = jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'STAFF_RELOADED' ORDER BY seq")
                .query(String.class).list();
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0)).contains("\"actorsAdded\":[\"" + VERIFIER + "\"]").contains("\"supervisionChanged\":true");
    }

    private Api.Response reload() {
        return api.call(HttpMethod.POST, "/api/admin/staff/reload", null, "admin");
    }

    /** Written whole and moved into place, as an editor or a deployment tool saves it. */
    private static void write(Path file, String content) throws IOException {
        Path tmp = DIR.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
