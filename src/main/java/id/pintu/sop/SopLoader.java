package id.pintu.sop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.common.Sha256;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads SOP definition files and the shared actor list. Nothing here knows a particular SOP: a new service is a
 * new file. Any problem stops loading with a {@link SopDefinitionException} naming file, step and field.
 */
public class SopLoader {

    // Not FAIL_ON_NULL_FOR_PRIMITIVES: Jackson applies it to an absent record component too, which would refuse
    // every actor without `applicant:` and every outcome without `awaitApplicant:`, both meant to default to false.
    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final ObjectMapper canonicalJson = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndAddModules()
            .build();
    private final SopValidator validator;

    public SopLoader(Validator validator) {
        this.validator = new SopValidator(validator);
    }

    public Map<String, Actor> loadActors(Path file) {
        return parseActors(file.toString(), read(file));
    }

    /** The actors file's text, bound and checked; {@code source} names it in messages. */
    public Map<String, Actor> parseActors(String source, String content) {
        JsonNode root = readTree(source, content);
        List<String> problems = new ArrayList<>();
        Map<String, Actor> actors = new LinkedHashMap<>();
        JsonNode list = root.path("actors");
        if (!list.isArray() || list.isEmpty()) {
            throw new SopDefinitionException(source, List.of("field actors: a non-empty list is required"));
        }
        for (int i = 0; i < list.size(); i++) {
            try {
                Actor a = yaml.treeToValue(list.get(i), Actor.class);
                if (a.id() == null || a.id().isBlank()) {
                    problems.add("actors[" + i + "], field id: must not be blank");
                } else if (actors.put(a.id(), a) != null) {
                    problems.add("actors[" + i + "], field id: '" + a.id() + "' is listed twice");
                }
            } catch (JsonMappingException e) {
                problems.add("actors[" + i + "]: " + e.getOriginalMessage());
            } catch (IOException e) {
                problems.add("actors[" + i + "]: " + e.getMessage());
            }
        }
        if (actors.values().stream().filter(Actor::applicant).count() != 1) {
            problems.add("field actors: exactly one actor must be marked applicant: true");
        }
        if (!problems.isEmpty()) {
            throw new SopDefinitionException(source, problems);
        }
        return actors;
    }

    public List<SopDefinition> loadDirectory(Path directory, Map<String, Actor> actors) {
        List<SopDefinition> result = new ArrayList<>();
        for (Path f : listDirectory(directory)) {
            result.add(load(f, actors));
        }
        return result;
    }

    /** The definition files of a directory ({@code *.yaml}, {@code *.yml}), sorted; none is an error. */
    public List<Path> listDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new SopDefinitionException(directory.toString(), List.of("the SOP directory does not exist"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new SopDefinitionException(directory.toString(), List.of("cannot list: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new SopDefinitionException(directory.toString(), List.of("no SOP definition (*.yaml) found"));
        }
        return files;
    }

    public SopDefinition load(Path file, Map<String, Actor> actors) {
        return parse(file.toString(), read(file), actors);
    }

    /** The file's text, for {@link #parse} (and for keeping it as a stored version). */
    public String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new SopDefinitionException(file.toString(), List.of("not readable as YAML: " + e.getMessage()));
        }
    }

    /** Binds and validates a definition's text; {@code source} names it in messages (file, or stored version). */
    public SopDefinition parse(String source, String content, Map<String, Actor> actors) {
        JsonNode root = readTree(source, content);
        // An empty list item ("-" alone) binds to null, which no later check expects: name it here instead.
        List<String> empty = new java.util.ArrayList<>();
        emptyListItems(root, "", empty);
        if (!empty.isEmpty()) {
            throw new SopDefinitionException(source, empty);
        }
        SopDefinition sop;
        try {
            sop = yaml.treeToValue(root, SopDefinition.class);
        } catch (JsonMappingException e) {
            throw new SopDefinitionException(source, List.of(describe(root, e)));
        } catch (IOException e) {
            throw new SopDefinitionException(source, List.of(e.getMessage()));
        }
        List<String> problems = validator.problems(sop, actors);
        if (!problems.isEmpty()) {
            throw new SopDefinitionException(source, problems);
        }
        return sop;
    }

    /**
     * SHA-256 over the definition as bound, without its version: comments and layout do not make a new version,
     * and neither does only raising the {@code version:} number.
     */
    public String canonicalHash(SopDefinition sop) {
        try {
            byte[] canonical = canonicalJson.writeValueAsBytes(sop.withVersion(null));
            return Sha256.hex(canonical);
        } catch (IOException e) {
            throw new IllegalStateException("cannot hash SOP " + sop.code(), e);
        }
    }

    private static void emptyListItems(JsonNode node, String path, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    problems.add("field " + path + "[" + i + "]: an empty list item");
                } else {
                    emptyListItems(node.get(i), path + "[" + i + "]", problems);
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> emptyListItems(f.getValue(),
                    path.isEmpty() ? f.getKey() : path + "." + f.getKey(), problems));
        }
    }

    private JsonNode readTree(String source, String content) {
        try {
            JsonNode node = yaml.readTree(content);
            if (node == null || !node.isObject()) {
                throw new SopDefinitionException(source, List.of("the file is empty or not a YAML mapping"));
            }
            return node;
        } catch (IOException e) {
            throw new SopDefinitionException(source, List.of("not readable as YAML: " + e.getMessage()));
        }
    }

    /** Names the step (by its number, read from the raw tree) and the field a binding error is about. */
    private static String describe(JsonNode root, JsonMappingException e) {
        String step = null;
        StringBuilder field = new StringBuilder();
        List<JsonMappingException.Reference> path = e.getPath();
        for (int i = 0; i < path.size(); i++) {
            JsonMappingException.Reference ref = path.get(i);
            if (step == null && "steps".equals(ref.getFieldName()) && i + 1 < path.size()) {
                int index = path.get(i + 1).getIndex();
                JsonNode no = root.path("steps").path(index).path("no");
                step = "step " + (no.isMissingNode() ? "#" + (index + 1) : no.asText());
                i++;
                continue;
            }
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        String message = e.getOriginalMessage();
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            message = cause.getMessage();
        }
        int nl = message.indexOf('\n');
        if (nl > 0) {
            message = message.substring(0, nl);
        }
        return (step != null ? step + ", " : "") + "field " + (field.length() == 0 ? "(root)" : field) + ": " + message;
    }
}
