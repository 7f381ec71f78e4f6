package id.pintu.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.sop.SopCatalog;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Acting officials (Pelaksana Tugas, Pelaksana Harian) from {@code config/acting.yaml}: for the days of an
 * appointment a user holds another actor's role besides their own. Roles are worked out on each request at the
 * hub's clock, so an appointment starts and ends by itself.
 */
@Component
@EnableConfigurationProperties(ActingProperties.class)
public class ActingOfficials {

    /** One appointment; {@code from} and {@code to} are both included. */
    public record Appointment(String user, String actor, String kind, LocalDate from, LocalDate to, String basis) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    record File(List<Appointment> acting) {}

    private final List<Appointment> appointments;
    private final ActingProperties properties;
    private final Clock clock;

    public ActingOfficials(ActingProperties properties, UserDirectory users, SopCatalog catalog, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new JavaTimeModule())
                .build();
        String file = properties.file().toString();
        List<String> problems = new ArrayList<>();
        List<Appointment> read = List.of();
        try {
            File f = yaml.readValue(properties.file().toFile(), File.class);
            read = f.acting() == null ? List.of() : List.copyOf(f.acting());
        } catch (IOException e) {
            problems.add("not readable: " + e.getMessage());
        }
        for (int i = 0; i < read.size(); i++) {
            Appointment a = read.get(i);
            String at = "acting[" + i + "], field ";
            if (a.user() == null || users.find(a.user()).isEmpty()) {
                problems.add(at + "user: '" + a.user() + "' is not in the users file");
            }
            if (a.actor() == null || !catalog.actors().containsKey(a.actor()) || catalog.isApplicant(a.actor())) {
                problems.add(at + "actor: '" + a.actor() + "' is not a staff actor");
            }
            if (a.from() == null || a.to() == null) {
                problems.add(at + "from/to: both dates are required (YYYY-MM-DD)");
            } else if (a.to().isBefore(a.from())) {
                problems.add(at + "to: " + a.to() + " is before from " + a.from());
            }
            if (a.kind() != null && !a.kind().equals("PLT") && !a.kind().equals("PLH")) {
                problems.add(at + "kind: '" + a.kind() + "' must be PLT or PLH");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid acting file " + file + ":\n  - " + String.join("\n  - ", problems));
        }
        this.appointments = read;
    }

    /** The actors {@code user} acts as today (besides their own roles). */
    public Set<String> actingRoles(String user) {
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        Set<String> roles = new LinkedHashSet<>();
        for (Appointment a : appointments) {
            if (a.user().equals(user) && a.covers(today)) {
                roles.add(a.actor());
            }
        }
        return roles;
    }

    /** A user's own roles plus those held as acting official today. */
    public Set<String> rolesOf(StaffUser user) {
        Set<String> roles = new LinkedHashSet<>(user.actors());
        roles.addAll(actingRoles(user.username()));
        return roles;
    }

    public List<Appointment> all() {
        return appointments;
    }
}
