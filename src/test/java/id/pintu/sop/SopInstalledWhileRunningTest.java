package id.pintu.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.SopWalker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SOP installed through the admin API runs at once, without a restart: a new SOP takes cases right away; a new
 * version of a running SOP takes the new cases and the stable route ids while the cases already running finish on
 * the old version's routes; a definition that the SOP's document plan cannot follow is refused and nothing changes.
 * A version another hub on the same database stored is loaded, with its routes, as soon as a case names it.
 */
@HubTest
class SopInstalledWhileRunningTest {

    static final String SEED = "izin-perluasan-usaha-industri";
    static final Path SOP_DIR;
    static final Path TABLES = Path.of("src/test/resources/sop");

    static {
        try {
            SOP_DIR = Files.createTempDirectory("pintu-sop-hot");
            Files.copy(Path.of("config/sop/" + SEED + ".yaml"), SOP_DIR.resolve(SEED + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void sopDirectory(DynamicPropertyRegistry registry) {
        registry.add("pintu.sop.directory", SOP_DIR::toString);
    }

    @Autowired
    Api api;

    @Autowired
    CamelContext camel;

    @Autowired
    SopVersionStore versions;

    @Test
    void installedSopsRunAtOnceAndRunningCasesFinishOnTheirVersion() throws IOException {
        String seedTable = Files.readString(TABLES.resolve("SOP-IX.2-30-penerbitan-izin-perluasan-usaha-industri.txt"));
        String seedAnswers = Files.readString(TABLES.resolve("seed-answers.yaml"));
        String reklameTable = Files.readString(TABLES.resolve("SOP-IX.2-41-penerbitan-izin-reklame.txt"));
        String reklameAnswers = Files.readString(TABLES.resolve("reklame-answers.yaml"));

        // A seed case under way on version 1.
        String running = api.submit(Api.application(701)).get("id").asText();
        api.awaitTask(running, 2);

        // A new SOP: cases of it are taken at once.
        assertThat(submitStatus("izin-reklame")).isEqualTo(400);
        Api.Response reklame = install(reklameTable, reklameAnswers);
        assertThat(reklame.status()).as("%s", reklame.body()).isEqualTo(200);
        assertThat(reklame.body().get("takesEffect").asText()).startsWith("now");
        String billboard = submit("izin-reklame", 702);
        new SopWalker(api).walk(billboard, Map.of(), "ISSUED");

        // The seed's code over an 11-step table: its document plan names steps this definition lacks.
        String seedFile = Files.readString(SOP_DIR.resolve(SEED + ".yaml"));
        Api.Response refused = install(reklameTable, reklameAnswers.replace("code: izin-reklame", "code: " + SEED));
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("has no step 13");
        assertThat(Files.readString(SOP_DIR.resolve(SEED + ".yaml"))).isEqualTo(seedFile);
        assertThat(api.getCase(submit(SEED, 703)).get("sopVersion").asInt()).isEqualTo(1);

        // A new version of the seed (the recommendation's label reworded): new cases take it at once.
        Api.Response v2 = install(seedTable, seedAnswers.replace("label: Direkomendasikan, izin diproses",
                "label: Direkomendasikan, izin diproses lebih lanjut"));
        assertThat(v2.status()).as("%s", v2.body()).isEqualTo(200);
        assertThat(v2.body().get("version").asInt()).isEqualTo(2);
        assertThat(routeIds()).contains(SEED + ".step-08-pemberian-rekomendasi",
                SEED + ".v1.step-08-pemberian-rekomendasi");
        String fresh = submit(SEED, 704);
        assertThat(api.getCase(fresh).get("sopVersion").asInt()).isEqualTo(2);

        // Both finish: the running case on version 1's routes, the new one on version 2's.
        new SopWalker(api).walk(running, Map.of(8, List.of("reject")), "REJECTED");
        new SopWalker(api).walk(fresh, Map.of(), "ISSUED");
        assertThat(api.getCase(running).get("sopVersion").asInt()).isEqualTo(1);
    }

    @Test
    void aVersionAnotherHubStoredIsLoadedWhenACaseNamesIt() throws IOException {
        // What another hub on the same database leaves after an install: a row in sop_version, no file here.
        String content = Files.readString(Path.of("config/sop/izin-reklame.yaml"))
                .replace("code: izin-reklame", "code: izin-reklame-cabang");
        versions.insert(new SopVersionStore.Stored("izin-reklame-cabang", 1, "0".repeat(64), content, "another hub",
                Instant.now()));

        String id = submit("izin-reklame-cabang", 705);
        new SopWalker(api).walk(id, Map.of(), "ISSUED");
        assertThat(routeIds()).contains("izin-reklame-cabang.step-01-mengajukan-permohonan-izin-reklame");
    }

    private Api.Response install(String table, String answers) {
        return api.call(HttpMethod.POST, "/api/admin/sops/import?install=true",
                Map.of("table", table, "format", "tsv", "answers", answers), "admin");
    }

    private String submit(String sop, int i) {
        Map<String, Object> a = new java.util.HashMap<>(Api.application(i));
        a.put("sop", sop);
        return api.submit(a).get("id").asText();
    }

    private int submitStatus(String sop) {
        Map<String, Object> a = new java.util.HashMap<>(Api.application(700));
        a.put("sop", sop);
        return api.call(HttpMethod.POST, "/api/applications", a, null).status();
    }

    private List<String> routeIds() {
        return camel.getRoutes().stream().map(r -> r.getRouteId()).toList();
    }
}
