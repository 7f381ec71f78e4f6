package id.pintu.mail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.workflow.CaseEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which case event sends which mail, per SOP: {@code <rulesDirectory>/<sop>.yaml}. An SOP without a file sends no
 * status mail. Read once per SOP and kept.
 */
@Component
public class MailRules {

    /** One rule; empty fields match anything. */
    public record Rule(String event, Integer step, String outcome, String taskKind, String status, String template,
            List<String> attach, List<String> skipChannels) {

        boolean matches(CaseEvent e, String channel) {
            if (!event.equals(e.type())) {
                return false;
            }
            if (step != null && !step.equals(e.stepNo())) {
                return false;
            }
            if (outcome != null && !outcome.equals(e.outcome())) {
                return false;
            }
            if (status != null && (e.status() == null || !status.equals(e.status().name()))) {
                return false;
            }
            if (e.taskKind() != null) {
                // A step rule does not fire for the applicant's clarification of that step, and vice versa.
                String kind = taskKind == null ? "STEP" : taskKind;
                if (!kind.equals(e.taskKind().name())) {
                    return false;
                }
            } else if (taskKind != null) {
                return false;
            }
            return skipChannels == null || !skipChannels.contains(channel);
        }

        public List<String> attachOrEmpty() {
            return attach == null ? List.of() : attach;
        }
    }

    record RuleFile(List<Rule> rules) {}

    private final Path directory;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final Map<String, List<Rule>> bySop = new ConcurrentHashMap<>();

    public MailRules(MailProperties properties) {
        this.directory = Path.of(properties.rulesDirectory());
    }

    public List<Rule> matching(CaseEvent e, String channel) {
        return rules(e.sopCode()).stream().filter(r -> r.matches(e, channel)).toList();
    }

    public List<Rule> rules(String sopCode) {
        return bySop.computeIfAbsent(sopCode, this::load);
    }

    private List<Rule> load(String sopCode) {
        Path file = directory.resolve(sopCode + ".yaml");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            RuleFile f = yaml.readValue(file.toFile(), RuleFile.class);
            List<Rule> rules = f.rules() == null ? List.of() : f.rules();
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                if (r.event() == null || r.template() == null) {
                    throw new IllegalStateException(file + ": rule " + (i + 1) + " needs 'event' and 'template'");
                }
            }
            return rules;
        } catch (IOException e) {
            throw new IllegalStateException("mail rules " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
