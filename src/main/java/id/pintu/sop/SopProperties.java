package id.pintu.sop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the office keeps its SOPs.
 *
 * @param directory one definition file per SOP
 * @param actorsFile the actors shared by every SOP
 * @param defaultSop the SOP an application names when it names none (email intake, walk-in)
 * @param refreshInterval how often the hub looks for SOP versions another hub on the same database installed
 *     (it also looks whenever a case or a page names a version it does not know)
 * @param filesCheckInterval how often the hub looks whether an SOP's document plan, mail rules or dossier list changed
 *     (route {@code sop-files-reload}; 0 turns the check off, {@code POST /api/admin/sops/files/reload} still works)
 */
@Validated
@ConfigurationProperties("pintu.sop")
public record SopProperties(
        @NotNull Path directory,
        @NotNull Path actorsFile,
        @NotBlank String defaultSop,
        @DefaultValue("30s") @NotNull Duration refreshInterval,
        @DefaultValue("PT1M") @NotNull Duration filesCheckInterval) {}
