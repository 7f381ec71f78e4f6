package id.pintu.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The importer over the admin API: only an administrator may call it; a table with open questions is reported and
 * never installed; answered, it is written to the SOP directory as a definition the loader accepts.
 */
@HubTest
class AdminSopImportTest {

    static final Path SOP_DIR;
    static final Path TABLES = Path.of("src/test/resources/sop");

    static {
        try {
            SOP_DIR = Files.createTempDirectory("pintu-sop-import");
            Files.copy(Path.of("config/sop/izin-perluasan-usaha-industri.yaml"),
                    SOP_DIR.resolve("izin-perluasan-usaha-industri.yaml"));
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

    private Api.Response post(String query, Map<String, Object> body, String user) {
        return api.call(HttpMethod.POST, "/api/admin/sops/import" + query, body, user);
    }

    @Test
    void importsReportsAndInstallsOnlyWhatIsAnswered() throws IOException {
        String table = Files.readString(TABLES.resolve("SOP-IX.2-41-penerbitan-izin-reklame.txt"));
        String answers = Files.readString(TABLES.resolve("reklame-answers.yaml"));

        assertThat(post("", Map.of("table", table, "format", "tsv"), "front-office").status()).isEqualTo(403);
        assertThat(post("", Map.of("table", table, "format", "pdf"), "admin").status()).isEqualTo(400);

        Api.Response draft = post("", Map.of("table", table, "format", "tsv"), "admin");
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.body().get("complete").asBoolean()).isFalse();
        // The survey team is in config/actors.yaml now: no column question, the three step questions remain.
        assertThat(draft.body().get("questions")).hasSize(3);
        assertThat(draft.body().get("yaml").asText()).contains("# QUESTION q3");
        assertThat(draft.body().get("installed").asBoolean()).isFalse();

        Api.Response refused = post("?install=true", Map.of("table", table, "format", "tsv"), "admin");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(SOP_DIR.resolve("izin-reklame.yaml")).doesNotExist();

        // A step handed to an OSS call the hub has not got (a typo) would stop every case after it: refused, named
        Api.Response typo = post("?install=true", Map.of("table", table, "format", "tsv", "answers",
                answers + "\n  3:\n    integration: oss-regster\n"), "admin");
        assertThat(typo.status()).as("%s", typo.body()).isEqualTo(422);
        assertThat(typo.body().toString()).contains("step 3, field integration: 'oss-regster'");
        assertThat(SOP_DIR.resolve("izin-reklame.yaml")).doesNotExist();

        // A hand-written file that defines the same code, quoted and with a comment after it: 409, nothing written
        // (the code was matched by a line pattern, the file written beside it, and the next start failed)
        Path other = SOP_DIR.resolve("reklame-lama.yaml");
        Files.writeString(other, "code: 'izin-reklame'   # kode layanan\nname: Izin Reklame (lama)\n");
        try {
            Api.Response twice = post("?install=true", Map.of("table", table, "format", "tsv", "answers", answers),
                    "admin");
            assertThat(twice.status()).as("%s", twice.body()).isEqualTo(409);
            assertThat(twice.body().toString()).contains("reklame-lama.yaml already defines SOP izin-reklame");
            assertThat(SOP_DIR.resolve("izin-reklame.yaml")).doesNotExist();
        } finally {
            Files.delete(other);
        }

        Api.Response installed = post("?install=true", Map.of("table", table, "format", "tsv", "answers", answers), "admin");
        assertThat(installed.status()).as("%s", installed.body()).isEqualTo(200);
        JsonNode body = installed.body();
        assertThat(body.get("installed").asBoolean()).isTrue();
        assertThat(body.get("code").asText()).isEqualTo("izin-reklame");
        assertThat(body.get("takesEffect").asText()).startsWith("now");
        Path file = SOP_DIR.resolve("izin-reklame.yaml");
        assertThat(Files.readString(file)).isEqualTo(body.get("yaml").asText());
        assertThat(Files.readString(file)).isEqualTo(Files.readString(Path.of("config/sop/izin-reklame.yaml")));
    }
}
