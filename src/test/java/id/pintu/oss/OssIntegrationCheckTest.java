package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopProperties;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A step's integration must be an OSS call the hub is configured with: a typo stops the start naming the SOP, the
 * step and the field (a case would otherwise stop after that step for good); the seed SOP passes.
 */
class OssIntegrationCheckTest {

    static final String SOP = "izin-perluasan-usaha-industri";

    @TempDir
    Path dir;

    final OssProperties oss = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("pintu.oss", OssProperties.class);

    private SopCatalog catalogOf(String sopText) throws Exception {
        Files.writeString(dir.resolve(SOP + ".yaml"), sopText);
        return new SopCatalog(new SopProperties(dir, Path.of("config/actors.yaml"), SOP, Duration.ofSeconds(30),
                Duration.ZERO), Validation.buildDefaultValidatorFactory().getValidator());
    }

    @Test
    void theSeedSopNamesOnlyConfiguredCalls() throws Exception {
        SopCatalog catalog = catalogOf(Files.readString(Path.of("config/sop/" + SOP + ".yaml")));
        assertThat(new OssIntegrationCheck(oss, catalog).problemsWith(catalog.require(SOP))).isEmpty();
    }

    @Test
    void aCallNoConfigurationHasStopsTheStart() throws Exception {
        String seed = Files.readString(Path.of("config/sop/" + SOP + ".yaml"));
        SopCatalog catalog = catalogOf(seed.replace("integration: oss-register", "integration: oss-regster"));
        assertThatThrownBy(() -> new OssIntegrationCheck(oss, catalog))
                .hasMessageContaining("SOP " + SOP + " version 1, step 4, field integration: 'oss-regster'")
                .hasMessageContaining("oss-register");
    }
}
