package id.pintu.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.sop.SopCatalog;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The office's staff users, read once from the users file; unknown actors or plain-text passwords stop start-up. */
@Component
public class UserDirectory {

    public static final String ACTOR_AUTHORITY_PREFIX = "ACTOR_";

    private final Map<String, StaffUser> users = new LinkedHashMap<>();

    public UserDirectory(SecurityProperties properties, SopCatalog catalog, Validator validator) {
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        String file = properties.usersFile().toString();
        List<String> problems = new ArrayList<>();
        try {
            JsonNode list = yaml.readTree(properties.usersFile().toFile()).path("users");
            for (int i = 0; i < list.size(); i++) {
                StaffUser u = yaml.treeToValue(list.get(i), StaffUser.class);
                for (ConstraintViolation<StaffUser> v : validator.validate(u)) {
                    problems.add("users[" + i + "], field " + v.getPropertyPath() + ": " + v.getMessage());
                }
                if (u.password() != null && !u.password().startsWith("{")) {
                    problems.add("users[" + i + "], field password: store a hash such as {bcrypt}$2a$10$..., never the password");
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
            throw new IllegalStateException("Invalid users file " + file + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    public Optional<StaffUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public Collection<StaffUser> all() {
        return users.values();
    }
}
