package id.pintu.security;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param file acting appointments (Plt/Plh): who holds which other actor's role, from which day to which day
 * @param zone the zone in which the appointments' days begin and end
 */
@Validated
@ConfigurationProperties("pintu.acting")
public record ActingProperties(
        @NotNull @DefaultValue("config/acting.yaml") Path file,
        @NotNull @DefaultValue("Asia/Jakarta") ZoneId zone) {}
