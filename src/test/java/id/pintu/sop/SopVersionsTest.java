package id.pintu.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.PintuApplication;
import id.pintu.support.Api;
import id.pintu.support.SopWalker;
import id.pintu.support.SopWalker.Visit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;

/**
 * Changing a definition makes a new version at the next start: the case started on version 1 finishes on version
 * 1's steps, a new case takes version 2 with its extra step, and each case says which version it ran. The hub is
 * started twice on the same data folder, as an office restarts it after editing {@code config/sop/}.
 */
class SopVersionsTest {

    static final String BIDAN = "surat-izin-praktik-bidan";
    static final Path MANY = Path.of("src/test/resources/sop-many");

    @TempDir
    Path tmp;

    private ConfigurableApplicationContext start(Path data, Path sopDir) {
        return new SpringApplicationBuilder(PintuApplication.class)
                .profiles("test")
                // Arguments, not builder properties: those are defaults that application.yml would override.
                .run("--server.port=0",
                        "--pintu.data-dir=" + data,
                        "--pintu.sop.directory=" + sopDir,
                        "--pintu.sop.actors-file=" + MANY.resolve("actors.yaml"),
                        "--pintu.security.users-file=" + MANY.resolve("users.yaml"),
                        "--pintu.sla.supervision-file=" + MANY.resolve("supervision.yaml"));
    }

    private static Api api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }

    private static List<Integer> steps(List<Visit> visits) {
        List<Integer> steps = new ArrayList<>();
        visits.forEach(v -> steps.add(v.step()));
        return steps;
    }

    @Test
    void runningCasesFinishOnTheirVersionAndNewCasesTakeTheNewest() throws IOException {
        Path data = tmp.resolve("data");
        Path sopDir = Files.createDirectories(tmp.resolve("sop"));
        Files.copy(MANY.resolve("sop/izin-perluasan-usaha-industri.yaml"), sopDir.resolve("izin-perluasan-usaha-industri.yaml"));
        Path bidanFile = sopDir.resolve(BIDAN + ".yaml");
        String v1 = Files.readString(MANY.resolve("sop/" + BIDAN + ".yaml"));
        Files.writeString(bidanFile, v1);

        String oldCase;
        try (ConfigurableApplicationContext hub = start(data, sopDir)) {
            Api api = api(hub);
            Map<String, Object> app = new java.util.HashMap<>(Api.application(1));
            app.put("sop", BIDAN);
            oldCase = api.submit(app).get("id").asText();
            JsonNode task = api.awaitTask(oldCase, 2);
            assertThat(api.complete(task.get("taskId").asText(), "front-office", null).status()).isEqualTo(200);
            api.awaitTask(oldCase, 3);
            assertThat(api.getCase(oldCase).get("sopVersion").asInt()).isEqualTo(1);
        }

        // The office adds a register step after the signature (a comment change alone would make no version).
        String v2 = v1.replace("    output: SIPB\n    next: 7\n", "    output: SIPB\n    next: 8\n")
                + """
                  - no: 8
                    name: Pencatatan SIPB dalam register izin
                    actors: [front-office]
                    kind: activity
                    kelengkapan: SIPB
                    waktu: 15 Menit
                    duration: PT15M
                    output: Register Izin
                    next: 7
                """;
        assertThat(v2).isNotEqualTo(v1).contains("next: 8");
        Files.writeString(bidanFile, "# edited by the office\n" + v2);

        try (ConfigurableApplicationContext hub = start(data, sopDir)) {
            Api api = api(hub);
            JsonNode versions = api.call(HttpMethod.GET, "/api/sops/" + BIDAN + "/versions", null, null).body();
            assertThat(versions).extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
            assertThat(api.call(HttpMethod.GET, "/api/sops/" + BIDAN, null, null).body().get("version").asInt())
                    .isEqualTo(2);
            assertThat(api.call(HttpMethod.GET, "/api/sops/" + BIDAN + "/versions/1", null, null).body().get("steps"))
                    .hasSize(7);
            List<String> routeIds = hub.getBean(CamelContext.class).getRoutes().stream().map(Route::getRouteId).toList();
            assertThat(routeIds).contains(BIDAN + ".step-08-pencatatan-sipb-dalam-register-izin",
                    BIDAN + ".step-06-penandatanganan-sipb", BIDAN + ".v1.step-06-penandatanganan-sipb",
                    "izin-perluasan-usaha-industri.step-08-pemberian-rekomendasi");

            Map<String, Object> app = new java.util.HashMap<>(Api.application(2));
            app.put("sop", BIDAN);
            String newCase = api.submit(app).get("id").asText();
            assertThat(api.getCase(newCase).get("sopVersion").asInt()).isEqualTo(2);

            List<Visit> oldWalk = new SopWalker(api).walk(oldCase, Map.of(), "ISSUED");
            List<Visit> newWalk = new SopWalker(api).walk(newCase, Map.of(), "ISSUED");

            assertThat(steps(oldWalk)).containsExactly(3, 4, 5, 6, 7);
            assertThat(steps(newWalk)).containsExactly(2, 3, 4, 5, 6, 8, 7);
            JsonNode oldJson = api.getCase(oldCase);
            JsonNode newJson = api.getCase(newCase);
            assertThat(oldJson.get("sopVersion").asInt()).isEqualTo(1);
            assertThat(newJson.get("sopVersion").asInt()).isEqualTo(2);
            assertThat(SopWalker.historySteps(oldJson)).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(SopWalker.historySteps(newJson)).containsExactly(1, 2, 3, 4, 5, 6, 8, 7);
        }

        // A third start with the file unchanged (only its comment differs) adds no version.
        Files.writeString(bidanFile, "# reviewed again\n" + v2);
        try (ConfigurableApplicationContext hub = start(data, sopDir)) {
            JsonNode versions = api(hub).call(HttpMethod.GET, "/api/sops/" + BIDAN + "/versions", null, null).body();
            assertThat(versions).extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
        }
    }
}
