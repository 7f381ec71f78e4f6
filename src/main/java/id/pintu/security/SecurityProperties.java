package id.pintu.security;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param usersFile the staff users with their actor roles (YAML); production points it to a protected file
 * @param checkInterval how often the hub looks whether the actors, supervision, users or acting file changed (route
 *     {@code staff-reload}); 0 turns the check off ({@code POST /api/admin/staff/reload} still works)
 */
@Validated
@ConfigurationProperties("pintu.security")
public record SecurityProperties(@NotNull Path usersFile, @DefaultValue("PT1M") Duration checkInterval) {}
