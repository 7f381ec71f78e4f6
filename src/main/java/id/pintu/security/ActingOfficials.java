package id.pintu.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.common.Sha256;
import id.pintu.sop.SopCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Acting officials (Pelaksana Tugas, Pelaksana Harian) from {@code config/acting.yaml}: for the days of an
 * appointment a user holds another actor's role besides their own. Roles are worked out on each request at the
 * hub's clock, so an appointment starts and ends by itself. The file is read again when it changes
 * ({@link StaffReload}), so a Plh appointed for tomorrow needs no restart.
 */
@Component
@EnableConfigurationProperties(ActingProperties.class)
public class ActingOfficials {

    private static final Logger LOG = LoggerFactory.getLogger(ActingOfficials.class);

    /** One appointment; {@code from} and {@code to} are both included. */
    public record Appointment(String user, String actor, String kind, LocalDate from, LocalDate to, String basis) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    record File(List<Appointment> acting) {}

    /** What a reload changed: the appointments now in the file that were not, and those gone from it. */
    public record Change(List<Appointment> added, List<Appointment> removed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    private record State(List<Appointment> appointments, String fingerprint) {}

    private final ActingProperties properties;
    private final UserDirectory users;
    private final SopCatalog catalog;
    private final Clock clock;
    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new JavaTimeModule())
            .build();
    private volatile State state;

    public ActingOfficials(ActingProperties properties, UserDirectory users, SopCatalog catalog, Clock clock) {
        this.properties = properties;
        this.users = users;
        this.catalog = catalog;
        this.clock = clock;
        // At start-up an appointment naming a user who is not in the users file does not stop the hub (the user may
        // have been removed while the hub ran, and a hub that ran must start again): it gives nobody a role.
        this.state = read(StaffFiles.contentOf(properties.file(), "acting file"), null);
        List<Appointment> orphaned = withoutUser();
        if (!orphaned.isEmpty()) {
            LOG.warn("{} acting appointment(s) in {} name a user who is not in the users file and give nobody a role:"
                    + " {}", orphaned.size(), properties.file(), orphaned.stream().map(a -> a.user() + " as " + a.actor())
                    .toList());
        }
    }

    /**
     * Reads the acting file again if its contents changed: empty if they did not, otherwise the appointments added
     * and removed. Throws {@link StaffFileException} for a file the office cannot run on (the appointments in force
     * stay as they were).
     */
    public synchronized Optional<Change> reloadIfChanged() {
        byte[] content = StaffFiles.contentOf(properties.file(), "acting file");
        if (Sha256.hex(content).equals(state.fingerprint())) {
            return Optional.empty();
        }
        List<Appointment> before = state.appointments();
        State after = read(content, before);
        state = after;
        return Optional.of(new Change(
                after.appointments().stream().filter(a -> !before.contains(a)).toList(),
                before.stream().filter(a -> !after.appointments().contains(a)).toList()));
    }

    /** Appointments in force that name a user no longer in the users file: they give nobody a role. */
    public List<Appointment> withoutUser() {
        return state.appointments().stream().filter(a -> users.find(a.user()).isEmpty()).toList();
    }

    public Path file() {
        return properties.file();
    }

    /**
     * @param kept the appointments in force before (a reload): one of them may name a user removed since, a new one
     *     must name a user of the users file; null at start-up, where no appointment is refused for its user
     */
    private State read(byte[] content, List<Appointment> kept) {
        String file = properties.file().toString();
        List<String> problems = new ArrayList<>();
        List<Appointment> read = List.of();
        try {
            File f = yaml.readValue(content, File.class);
            read = f == null || f.acting() == null ? List.of() : List.copyOf(f.acting());
        } catch (IOException e) {
            problems.add("not readable: " + e.getMessage());
        }
        for (int i = 0; i < read.size(); i++) {
            Appointment a = read.get(i);
            String at = "acting[" + i + "], field ";
            if (a.user() == null || (users.find(a.user()).isEmpty() && kept != null && !kept.contains(a))) {
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
            throw new StaffFileException("Invalid acting file " + file + ":\n  - " + String.join("\n  - ", problems));
        }
        return new State(read, Sha256.hex(content));
    }

    /** The actors {@code user} acts as today (besides their own roles). */
    public Set<String> actingRoles(String user) {
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        Set<String> roles = new LinkedHashSet<>();
        for (Appointment a : state.appointments()) {
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
        return state.appointments();
    }
}
