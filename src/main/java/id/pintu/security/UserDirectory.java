package id.pintu.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.common.Sha256;
import id.pintu.sop.SopCatalog;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The office's staff users, from the users file. Read at start-up (unknown actors or plain-text passwords stop it)
 * and again by {@link #reloadIfChanged()} when the file's contents changed ({@link StaffReload}): the new users are in
 * force at once, as one whole (a request sees either the old file or the new one). A file the office cannot run on
 * changes nothing.
 */
@Component
public class UserDirectory {

    /**
     * The hashes a users file may hold: Spring's delegating encoder also takes {noop} (the plain password), {MD5},
     * {SHA-1} and others, and an unknown {prefix} made every login of that user answer 500; only these are
     * accepted, a bcrypt hash in its exact form.
     */
    static final Pattern STRONG_HASH = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}"
            + "|\\{(argon2|scrypt|pbkdf2)(@SpringSecurity_v5_8)?}\\S+");

    public static final String ACTOR_AUTHORITY_PREFIX = "ACTOR_";

    /** What a reload changed, by username (never passwords). */
    public record Change(List<String> added, List<String> removed, List<String> changed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    private record State(Map<String, StaffUser> users, String fingerprint) {}

    private final Path file;
    private final SopCatalog catalog;
    private final Validator validator;
    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private volatile State state;

    public UserDirectory(SecurityProperties properties, SopCatalog catalog, Validator validator) {
        this.file = properties.usersFile();
        this.catalog = catalog;
        this.validator = validator;
        this.state = read(StaffFiles.contentOf(file, "users file"));
    }

    public Optional<StaffUser> find(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(state.users().get(username));
    }

    /** The work email address the users file gives {@code username}, if any (to tell them of a change by mail). */
    public Optional<String> emailOf(String username) {
        return find(username).map(StaffUser::email).filter(e -> !e.isBlank());
    }

    /** The person's name as pages and mails give it: the full name of the users file, else the username. */
    public String nameOf(String username) {
        return find(username).map(StaffUser::fullName).filter(n -> !n.isBlank()).orElse(username);
    }

    public Collection<StaffUser> all() {
        return state.users().values();
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the users file again if its contents changed. Empty if they did not; otherwise what changed (possibly
     * nothing, e.g. a comment). Throws {@link StaffFileException} for a file the office cannot run on: the users in
     * force stay as they were.
     */
    public synchronized Optional<Change> reloadIfChanged() {
        byte[] content = StaffFiles.contentOf(file, "users file");
        if (Sha256.hex(content).equals(state.fingerprint())) {
            return Optional.empty();
        }
        State before = state;
        State after = read(content);
        state = after;
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (StaffUser u : after.users().values()) {
            StaffUser old = before.users().get(u.username());
            if (old == null) {
                added.add(u.username());
            } else if (!old.equals(u)) {
                changed.add(u.username());
            }
        }
        List<String> removed = before.users().keySet().stream().filter(n -> !after.users().containsKey(n)).toList();
        return Optional.of(new Change(List.copyOf(added), removed, List.copyOf(changed)));
    }

    private State read(byte[] content) {
        List<String> problems = new ArrayList<>();
        Map<String, StaffUser> users = new LinkedHashMap<>();
        try {
            JsonNode list = yaml.readTree(content).path("users");
            for (int i = 0; i < list.size(); i++) {
                StaffUser u = yaml.treeToValue(list.get(i), StaffUser.class);
                for (ConstraintViolation<StaffUser> v : validator.validate(u)) {
                    problems.add("users[" + i + "], field " + v.getPropertyPath() + ": " + v.getMessage());
                }
                if (u.password() != null && !STRONG_HASH.matcher(u.password()).matches()) {
                    problems.add("users[" + i + "], field password: store a bcrypt hash such as {bcrypt}$2a$10$..."
                            + " (or an {argon2}, {scrypt} or {pbkdf2} one), never the password itself, {noop} or a"
                            + " weak hash such as {MD5} or {SHA-1}");
                }
                for (String actor : u.actors() == null ? List.<String>of() : u.actors()) {
                    if (!catalog.actors().containsKey(actor) || catalog.isApplicant(actor)) {
                        problems.add("users[" + i + "], field actors: '" + actor + "' is not a staff actor");
                    }
                }
                if (u.username() != null && users.put(u.username(), u) != null) {
                    problems.add("users[" + i + "], field username: '" + u.username() + "' is listed twice");
                }
            }
        } catch (IOException e) {
            problems.add("not readable: " + e.getMessage());
        }
        if (users.isEmpty() && problems.isEmpty()) {
            problems.add("field users: no user is configured");
        }
        if (!problems.isEmpty()) {
            throw new StaffFileException("Invalid users file " + file + ":\n  - " + String.join("\n  - ", problems));
        }
        return new State(Collections.unmodifiableMap(users), Sha256.hex(content));
    }
}
