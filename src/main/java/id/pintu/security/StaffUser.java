package id.pintu.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A staff member from the users file: login, hashed password ({@code {bcrypt}...}), the actor roles held, and the
 * official's details that go into letters' signature blocks, and an optional work email address, to which the hub
 * tells them of a Plt/Plh appointment ({@link ActingNotices}) and of a task a supervisor gives them.
 */
public record StaffUser(
        @NotBlank @Size(max = 64) String username,
        @NotBlank String password,
        @NotEmpty List<String> actors,
        String fullName,
        String rank,
        String nip,
        String position,
        boolean admin,
        @Email String email) {}
