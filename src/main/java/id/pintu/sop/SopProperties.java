package id.pintu.sop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the office keeps its SOPs.
 *
 * @param directory one definition file per SOP
 * @param actorsFile the actors shared by every SOP
 * @param defaultSop the SOP an application names when it names none (email intake, walk-in)
 */
@Validated
@ConfigurationProperties("pintu.sop")
public record SopProperties(@NotNull Path directory, @NotNull Path actorsFile, @NotBlank String defaultSop) {}
