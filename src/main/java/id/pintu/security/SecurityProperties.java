package id.pintu.security;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param usersFile the staff users with their actor roles (YAML); production points it to a protected file */
@Validated
@ConfigurationProperties("pintu.security")
public record SecurityProperties(@NotNull Path usersFile) {}
