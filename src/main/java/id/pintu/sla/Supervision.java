package id.pintu.sla;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.sop.Actor;
import id.pintu.sop.SopCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The supervision chain from {@code config/supervision.yaml}: who answers for each actor and where breach emails
 * go. An actor without a supervisor (the head of office) answers for itself. A bad file (unknown actor, a cycle, a
 * supervisor without a contact address) stops start-up with a message naming the file and the field.
 */
public class Supervision {

    record File(Map<String, String> supervisors, Map<String, String> contacts) {}

    private final Map<String, String> supervisors;
    private final Map<String, String> contacts;

    public Supervision(Map<String, String> supervisors, Map<String, String> contacts) {
        this.supervisors = Map.copyOf(supervisors);
        this.contacts = Map.copyOf(contacts);
    }

    public static Supervision load(Path file, SopCatalog catalog) {
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        File f;
        try {
            f = yaml.readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new IllegalStateException("Invalid supervision file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> sup = f.supervisors() == null ? Map.of() : f.supervisors();
        Map<String, String> con = f.contacts() == null ? Map.of() : f.contacts();
        List<String> problems = new ArrayList<>();
        sup.forEach((actor, boss) -> {
            staffActor(catalog, actor, "supervisors." + actor, problems);
            staffActor(catalog, boss, "supervisors." + actor + " (value)", problems);
        });
        con.forEach((actor, email) -> {
            staffActor(catalog, actor, "contacts." + actor, problems);
            if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add("field contacts." + actor + ": '" + email + "' is not an email address");
            }
        });
        Supervision s = new Supervision(sup, con);
        if (problems.isEmpty()) {
            for (Actor a : catalog.actors().values()) {
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
        return s;
    }

    private static void staffActor(SopCatalog catalog, String id, String field, List<String> problems) {
        if (!catalog.actors().containsKey(id) || catalog.isApplicant(id)) {
            problems.add("field " + field + ": '" + id + "' is not a staff actor of config/actors.yaml");
        }
    }

    /** Who gets the breach of a task of {@code actor}: its supervisor, or itself at the top of the chain. */
    public String supervisorOf(String actor) {
        chainAbove(actor);
        return supervisors.getOrDefault(actor, actor);
    }

    /** Every actor above {@code actor}, nearest first; the top of the chain counts as its own supervisor. */
    public List<String> chainAbove(String actor) {
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
        String email = contacts.get(actor);
        if (email == null) {
            throw new IllegalStateException("no contact email for " + actor + " in the supervision file");
        }
        return email;
    }

    public Map<String, String> supervisors() {
        return new LinkedHashMap<>(supervisors);
    }
}
