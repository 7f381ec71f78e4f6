package id.pintu.sla;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.common.Sha256;
import id.pintu.sop.Actor;
import id.pintu.sop.SopCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The supervision chain from {@code config/supervision.yaml}: who answers for each actor and where breach emails
 * go. An actor without a supervisor (the head of office) answers for itself. A bad file (unknown actor, a cycle, a
 * supervisor without a contact address) stops start-up with a message naming the file and the field. While the hub
 * runs, an edited file (or an actor added to the actors file, which needs its place in the chain) is checked by
 * {@link #prepare} and put in force as a whole by {@link #apply} (the staff files' reload, {@code StaffReload}).
 */
public class Supervision {

    record File(Map<String, String> supervisors, Map<String, String> contacts) {}

    /** A checked supervision file, not yet in force. */
    public record Prepared(Map<String, String> supervisors, Map<String, String> contacts, String fingerprint) {}

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path file;
    /** Replaced as a whole by {@link #apply}. */
    private volatile Prepared state;

    public Supervision(Map<String, String> supervisors, Map<String, String> contacts) {
        this(null, new Prepared(Map.copyOf(supervisors), Map.copyOf(contacts), null));
    }

    private Supervision(Path file, Prepared state) {
        this.file = file;
        this.state = state;
    }

    public static Supervision load(Path file, SopCatalog catalog) {
        String text = read(file);
        return new Supervision(file, parse(file, text, fingerprint(text), catalog.actors()));
    }

    /**
     * The supervision file checked against {@code actors}; empty if neither the file nor the actors changed. Throws
     * {@link IllegalStateException} naming the file and every problem. Changes nothing.
     */
    public synchronized Optional<Prepared> prepare(Map<String, Actor> actors, boolean actorsChanged) {
        if (file == null) {
            return Optional.empty();
        }
        String text = read(file);
        String fingerprint = fingerprint(text);
        if (!actorsChanged && fingerprint.equals(state.fingerprint())) {
            return Optional.empty();
        }
        return Optional.of(parse(file, text, fingerprint, actors));
    }

    /** Puts a file checked by {@link #prepare} in force. */
    public synchronized void apply(Prepared prepared) {
        this.state = prepared;
    }

    /** Whether {@code prepared} differs from the chain in force (a new actor alone may leave it as it was). */
    public boolean differs(Prepared prepared) {
        Prepared now = state;
        return !now.supervisors().equals(prepared.supervisors()) || !now.contacts().equals(prepared.contacts());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Invalid supervision file " + file + ":\n  - not readable: " + e, e);
        }
    }

    private static String fingerprint(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Prepared parse(Path file, String text, String fingerprint, Map<String, Actor> actors) {
        File f;
        try {
            f = YAML.readValue(text, File.class);
        } catch (IOException e) {
            throw new IllegalStateException("Invalid supervision file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> sup = f == null || f.supervisors() == null ? Map.of() : f.supervisors();
        Map<String, String> con = f == null || f.contacts() == null ? Map.of() : f.contacts();
        List<String> problems = new ArrayList<>();
        sup.forEach((actor, boss) -> {
            staffActor(actors, actor, "supervisors." + actor, problems);
            staffActor(actors, boss, "supervisors." + actor + " (value)", problems);
        });
        con.forEach((actor, email) -> {
            staffActor(actors, actor, "contacts." + actor, problems);
            if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add("field contacts." + actor + ": '" + email + "' is not an email address");
            }
        });
        Prepared p = new Prepared(Map.copyOf(sup), Map.copyOf(con), fingerprint);
        if (problems.isEmpty()) {
            Supervision s = new Supervision(file, p);
            for (Actor a : actors.values()) {
                if (a.applicant()) {
                    continue;
                }
                try {
                    String boss = s.supervisorOf(a.id());
                    if (!con.containsKey(boss)) {
                        problems.add("field contacts: no email for '" + boss + "', who supervises '" + a.id() + "'");
                    }
                } catch (IllegalStateException cycle) {
                    problems.add("field supervisors: " + cycle.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Invalid supervision file " + file + ":\n  - " + String.join("\n  - ", problems));
        }
        return p;
    }

    private static void staffActor(Map<String, Actor> actors, String id, String field, List<String> problems) {
        Actor a = actors.get(id);
        if (a == null || a.applicant()) {
            problems.add("field " + field + ": '" + id + "' is not a staff actor of config/actors.yaml");
        }
    }

    /** Who gets the breach of a task of {@code actor}: its supervisor, or itself at the top of the chain. */
    public String supervisorOf(String actor) {
        Map<String, String> supervisors = state.supervisors();
        chainAbove(supervisors, actor);
        return supervisors.getOrDefault(actor, actor);
    }

    /** Every actor above {@code actor}, nearest first; the top of the chain counts as its own supervisor. */
    public List<String> chainAbove(String actor) {
        return chainAbove(state.supervisors(), actor);
    }

    private static List<String> chainAbove(Map<String, String> supervisors, String actor) {
        Set<String> seen = new LinkedHashSet<>();
        String current = actor;
        while (supervisors.containsKey(current)) {
            current = supervisors.get(current);
            if (!seen.add(current) || current.equals(actor)) {
                throw new IllegalStateException("the chain above '" + actor + "' runs in a circle " + seen);
            }
        }
        if (seen.isEmpty()) {
            seen.add(actor);
        }
        return List.copyOf(seen);
    }

    public String contactOf(String actor) {
        String email = state.contacts().get(actor);
        if (email == null) {
            throw new IllegalStateException("no contact email for " + actor + " in the supervision file");
        }
        return email;
    }

    public Map<String, String> supervisors() {
        return new LinkedHashMap<>(state.supervisors());
    }
}
