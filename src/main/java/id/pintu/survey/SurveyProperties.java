package id.pintu.survey;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The satisfaction survey (Survei Kepuasan Masyarakat).
 *
 * @param enabled offer the survey on the tracking page of a closed case
 * @param file the questionnaire: its elements, questions and four answers each
 */
@Validated
@ConfigurationProperties("pintu.survey")
public record SurveyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("config/survey/skm.yaml") @NotNull Path file) {}
