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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Acting officials (Pelaksana Tugas, Pelaksana Harian) and absences (cuti, dinas luar) from {@code config/acting.yaml}:
 * for the days of an appointment a user holds another actor's role besides their own; for the days of an absence a
 * user holds no role at all, so the tasks they held go back to their roles' inboxes ({@code StrandedClaims}), nobody
 * reassigns work to them, and the dashboard names a role that nobody present holds. Roles are worked out on each
 * request at the hub's clock, so an appointment or an absence starts and ends by itself. The file is read again when
 * it changes ({@link StaffReload}), so a Plh appointed for tomorrow needs no restart. Appointments and absences
 * recorded on the leave page ({@link LeaveAndActing}) are in force beside the file's.
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

        /** The kind as letters write it: Plh, Plt (stored as PLH, PLT). */
        public static String kindName(String kind) {
            return kind == null || kind.isEmpty() ? "" : kind.charAt(0) + kind.substring(1).toLowerCase(Locale.ROOT);
        }
    }

    /** A user away (annual leave, an official trip) for these days, both included: no role while away. */
    public record Absence(String user, LocalDate from, LocalDate to, String reason) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }

        public boolean overlaps(LocalDate start, LocalDate end) {
            return !end.isBefore(from) && !start.isAfter(to);
        }
    }

    record File(List<Appointment> acting, List<Absence> absent) {}

    /** What a reload changed: the appointments and absences now in the file that were not, and those gone from it. */
    public record Change(List<Appointment> added, List<Appointment> removed, List<Absence> absencesAdded,
            List<Absence> absencesRemoved) {

        public static final Change NONE = new Change(List.of(), List.of(), List.of(), List.of());

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && absencesAdded.isEmpty() && absencesRemoved.isEmpty();
        }
    }

    private record State(List<Appointment> appointments, List<Absence> absences, String fingerprint) {}

    private final ActingProperties properties;
    private final UserDirectory users;
    private final SopCatalog catalog;
    private final Clock clock;
    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new JavaTimeModule())
            .build();
    private volatile State state;
    private volatile List<Absence> recorded = List.of();
    private volatile List<Appointment> recordedAppointments = List.of();

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
        State before = state;
        State after = read(content, before);
        state = after;
        return Optional.of(new Change(
                after.appointments().stream().filter(a -> !before.appointments().contains(a)).toList(),
                before.appointments().stream().filter(a -> !after.appointments().contains(a)).toList(),
                after.absences().stream().filter(a -> !before.absences().contains(a)).toList(),
                before.absences().stream().filter(a -> !after.absences().contains(a)).toList()));
    }

    /** Appointments in force that name a user no longer in the users file: they give nobody a role. */
    public List<Appointment> withoutUser() {
        return state.appointments().stream().filter(a -> users.find(a.user()).isEmpty()).toList();
    }

    public Path file() {
        return properties.file();
    }

    /**
     * @param kept what was in force before (a reload): an appointment or absence of it may name a user removed since,
     *     a new one must name a user of the users file; null at start-up, where none is refused for its user
     */
    private State read(byte[] content, State kept) {
        String file = properties.file().toString();
        List<String> problems = new ArrayList<>();
        List<Appointment> read = List.of();
        List<Absence> absent = List.of();
        try {
            File f = yaml.readValue(content, File.class);
            read = f == null || f.acting() == null ? List.of() : List.copyOf(f.acting());
            absent = f == null || f.absent() == null ? List.of() : List.copyOf(f.absent());
        } catch (IOException e) {
            problems.add("not readable: " + e.getMessage());
        }
        for (int i = 0; i < read.size(); i++) {
            Appointment a = read.get(i);
            String at = "acting[" + i + "], field ";
            if (a.user() == null
                    || (users.find(a.user()).isEmpty() && kept != null && !kept.appointments().contains(a))) {
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
        for (int i = 0; i < absent.size(); i++) {
            Absence a = absent.get(i);
            String at = "absent[" + i + "], field ";
            if (a.user() == null
                    || (users.find(a.user()).isEmpty() && kept != null && !kept.absences().contains(a))) {
                problems.add(at + "user: '" + a.user() + "' is not in the users file");
            }
            if (a.from() == null || a.to() == null) {
                problems.add(at + "from/to: both dates are required (YYYY-MM-DD)");
                continue;
            }
            if (a.to().isBefore(a.from())) {
                problems.add(at + "to: " + a.to() + " is before from " + a.from());
            }
            for (int j = 0; j < read.size(); j++) {
                Appointment p = read.get(j);
                if (p.user() != null && p.user().equals(a.user()) && p.from() != null && p.to() != null
                        && a.overlaps(p.from(), p.to())) {
                    problems.add("absent[" + i + "]: " + a.user() + " is away " + a.from() + " to " + a.to()
                            + " but acting[" + j + "] appoints them as " + p.actor() + " " + p.from() + " to " + p.to()
                            + ": someone away cannot act for another; appoint someone present");
                }
            }
        }
        if (kept != null) {
            problems.addAll(clashesWithRecorded(read, absent, kept));
        }
        if (!problems.isEmpty()) {
            throw new StaffFileException("Invalid acting file " + file + ":\n  - " + String.join("\n  - ", problems));
        }
        return new State(read, absent, Sha256.hex(content));
    }

    /**
     * What is wrong with the entries a reload adds to the file, against the leave and appointments recorded on the
     * leave page: an appointment of someone the page records away on those days, and an absence of someone it
     * appoints then (someone away cannot act for another, as within the file). Entries the file had before are not
     * checked again (the page refuses a leave that clashes with them), nor is the file at start-up.
     */
    private List<String> clashesWithRecorded(List<Appointment> read, List<Absence> absent, State kept) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            Appointment p = read.get(i);
            if (kept.appointments().contains(p) || p.user() == null || p.from() == null || p.to() == null
                    || p.to().isBefore(p.from())) {
                continue;
            }
            for (Absence a : recorded) {
                if (a.user().equals(p.user()) && a.overlaps(p.from(), p.to())) {
                    problems.add("acting[" + i + "]: " + p.user() + " is away " + a.from() + " to " + a.to() + " ("
                            + (a.reason() == null ? "leave" : a.reason()) + ", recorded on the leave page)"
                            + ": someone away cannot act for another; appoint someone present");
                }
            }
        }
        for (int i = 0; i < absent.size(); i++) {
            Absence a = absent.get(i);
            if (kept.absences().contains(a) || a.user() == null || a.from() == null || a.to() == null
                    || a.to().isBefore(a.from())) {
                continue;
            }
            for (Appointment p : recordedAppointments) {
                if (p.user().equals(a.user()) && a.overlaps(p.from(), p.to())) {
                    problems.add("absent[" + i + "]: " + a.user() + " is appointed " + p.actor() + " " + p.from()
                            + " to " + p.to() + " on the leave page: end that appointment there first");
                }
            }
        }
        return problems;
    }

    /** The user's absence that covers today, if they are away. */
    public Optional<Absence> absentToday(String user) {
        return absentOn(user, today());
    }

    /** The user's absence that covers {@code day}, if they are away that day. */
    public Optional<Absence> absentOn(String user, LocalDate day) {
        return absences().stream().filter(a -> a.user().equals(user) && a.covers(day)).findFirst();
    }

    /** The absences that cover today, by username. */
    public List<Absence> awayToday() {
        LocalDate today = today();
        return absences().stream().filter(a -> a.covers(today))
                .sorted(java.util.Comparator.comparing(Absence::user)).toList();
    }

    /** The appointments that cover today (the file's and the leave page's), by user. */
    public List<Appointment> actingToday() {
        LocalDate today = today();
        return all().stream().filter(a -> a.covers(today))
                .sorted(java.util.Comparator.comparing(Appointment::user)).toList();
    }

    /** The absences in force: the acting file's, then those recorded on the leave page ({@link LeaveAndActing}). */
    public List<Absence> absences() {
        return both(state.absences(), recorded);
    }

    private static <T> List<T> both(List<T> file, List<T> recorded) {
        if (recorded.isEmpty()) {
            return file;
        }
        List<T> all = new ArrayList<>(file);
        all.addAll(recorded);
        return all;
    }

    /** The absences of the acting file alone. */
    public List<Absence> fileAbsences() {
        return state.absences();
    }

    /**
     * Puts the leave and the appointments recorded on the leave page in force beside the file's
     * ({@link LeaveAndActing#refresh}).
     */
    void useRecorded(List<Absence> absences, List<Appointment> appointments) {
        this.recorded = List.copyOf(absences);
        this.recordedAppointments = List.copyOf(appointments);
    }

    LocalDate today() {
        return clock.instant().atZone(properties.zone()).toLocalDate();
    }

    /** The actors {@code user} acts as today (besides their own roles). */
    public Set<String> actingRoles(String user) {
        return actingRolesOn(user, today());
    }

    private Set<String> actingRolesOn(String user, LocalDate day) {
        Set<String> roles = new LinkedHashSet<>();
        for (Appointment a : all()) {
            if (a.user().equals(user) && a.covers(day)) {
                roles.add(a.actor());
            }
        }
        return roles;
    }

    /** A user's own roles plus those held as acting official today; none while the user is away. */
    public Set<String> rolesOf(StaffUser user) {
        return rolesOn(user, today());
    }

    /** A user's own roles plus those held as acting official on {@code day}; none if the user is away that day. */
    public Set<String> rolesOn(StaffUser user, LocalDate day) {
        if (absentOn(user.username(), day).isPresent()) {
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>(user.actors());
        roles.addAll(actingRolesOn(user.username(), day));
        return roles;
    }

    /**
     * The staff actors that no user in the users file has as their own role: nobody was given them (a role of a new
     * SOP, say), so only an acting official can take their tasks. Not an absence: the office's IT must give the role.
     */
    public List<String> unassigned() {
        Set<String> owned = new java.util.HashSet<>();
        users.all().forEach(u -> owned.addAll(u.actors()));
        return catalog.actors().keySet().stream().filter(a -> !catalog.isApplicant(a) && !owned.contains(a)).toList();
    }

    /** Whether someone present today other than {@code user} (may be null) holds {@code role}, own or acting. */
    public boolean heldTodayBySomeoneBut(String role, String user) {
        LocalDate day = today();
        return users.all().stream().filter(u -> !u.username().equals(user))
                .anyMatch(u -> rolesOn(u, day).contains(role));
    }

    /** The staff actors that nobody holds on {@code day} (everyone holding them away, no acting official). */
    public List<String> unheldOn(LocalDate day) {
        Set<String> held = new java.util.HashSet<>();
        users.all().forEach(u -> held.addAll(rolesOn(u, day)));
        return catalog.actors().keySet().stream().filter(a -> !catalog.isApplicant(a) && !held.contains(a)).toList();
    }

    /** The appointments in force: the acting file's, then those recorded on the leave page ({@link LeaveAndActing}). */
    public List<Appointment> all() {
        return both(state.appointments(), recordedAppointments);
    }

    /** The appointments of the acting file alone. */
    public List<Appointment> fileAppointments() {
        return state.appointments();
    }
}
