package id.pintu.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopConfigurationCheck;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.SopDefinitionException;
import id.pintu.sop.SopProperties;
import id.pintu.sop.importer.Answers;
import id.pintu.sop.importer.Format;
import id.pintu.sop.importer.ImportResult;
import id.pintu.sop.importer.Question;
import id.pintu.sop.importer.SopImporter;
import id.pintu.workflow.WorkflowException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SOP importer for administrators (under /api/admin/**, admin only by SecurityConfig): a table in, the report,
 * the questions and the definition out. With {@code install=true} and nothing left to answer, the definition is
 * checked against the features configured for the SOP, written to the SOP directory, stored as a version (a new one
 * if the SOP exists and differs) and routed at once: new cases take it, running cases finish on their version.
 */
@RestController
class SopImportController {

    private static final Logger LOG = LoggerFactory.getLogger(SopImportController.class);
    /** Reads another file's {@code code} as YAML does (quoted, with a comment after it), not by a line pattern. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record ImportRequest(
            @NotBlank @Size(max = 500_000) String table,
            @Pattern(regexp = "tsv|csv", message = "must be tsv or csv") String format,
            @Size(max = 100_000) String answers) {}

    record ImportResponse(boolean complete, String code, Integer version, List<Question> questions, List<String> notes,
            String report, String yaml, boolean installed, String file, String takesEffect) {}

    private final SopCatalog catalog;
    private final SopProperties properties;
    private final List<SopConfigurationCheck> checks;

    SopImportController(SopCatalog catalog, SopProperties properties, List<SopConfigurationCheck> checks) {
        this.catalog = catalog;
        this.properties = properties;
        this.checks = checks;
    }

    @PostMapping("/api/admin/sops/import")
    ImportResponse importTable(@Valid @RequestBody ImportRequest body,
            @RequestParam(defaultValue = "false") boolean install, Authentication auth) {
        Answers answers;
        try {
            answers = Answers.parse(body.answers());
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.FieldProblem("answers", e.getMessage());
        }
        Format format = "csv".equals(body.format()) ? Format.CSV : Format.TSV;
        ImportResult result;
        try {
            result = new SopImporter(catalog.actors()).importTable(body.table(), format, answers);
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.FieldProblem("table", e.getMessage());
        }
        String code = result.definition() == null ? null : result.definition().code();
        Integer version = result.definition() == null ? null : result.definition().version();
        if (!install) {
            return new ImportResponse(result.complete(), code, version, result.questions(), result.notes(),
                    result.report(), result.yaml(), false, null, null);
        }
        if (!result.complete()) {
            throw WorkflowException.unprocessable("not installed: " + result.questions().size()
                    + " question(s) remain; answer them in the answers file");
        }
        SopDefinition candidate;
        try {
            candidate = catalog.validate("imported " + code, result.yaml());
        } catch (SopDefinitionException e) {
            throw WorkflowException.unprocessable("not installed: " + e.getMessage());
        }
        // What the features configured for this SOP (e.g. its document plan) would refuse at the next start.
        List<String> problems = checks.stream().flatMap(c -> c.problemsWith(candidate).stream()).toList();
        if (!problems.isEmpty()) {
            throw WorkflowException.unprocessable("not installed: the configuration of SOP " + code
                    + " names what this definition lacks: " + String.join("; ", problems));
        }
        Path file = install(code, result.yaml());
        // Stored as a version (a new one if it differs from the running definition) and routed at once.
        SopDefinition running = catalog.add(result.yaml(), file.toString());
        LOG.info("SOP {} imported by {} into {}; new cases run on version {}", code, auth.getName(), file,
                running.versionOrDefault());
        return new ImportResponse(true, code, running.versionOrDefault(), result.questions(), result.notes(),
                result.report(), result.yaml(), true, file.toString(),
                "now: new cases of " + code + " run on version " + running.versionOrDefault()
                        + "; cases already running finish on the version they started on");
    }

    /** The {@code code} a definition file gives, or null when it is not a YAML mapping with one. */
    private static String codeOf(String text) {
        try {
            JsonNode code = YAML.readTree(text).get("code");
            return code == null || !code.isValueNode() ? null : code.asText().trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes {@code <code>.yaml} atomically; refuses if another file of the directory defines the same code. */
    private Path install(String code, String yaml) {
        Path dir = properties.directory();
        Path target = dir.resolve(code + ".yaml");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList()) {
                if (f.getFileName().equals(target.getFileName())) {
                    continue;
                }
                if (code.equals(codeOf(Files.readString(f)))) {
                    throw WorkflowException.conflict("not installed: " + f.getFileName() + " already defines SOP "
                            + code + "; edit or remove that file");
                }
            }
            Path temp = Files.createTempFile(dir, "." + code, ".tmp");
            Files.writeString(temp, yaml, StandardCharsets.UTF_8);
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
