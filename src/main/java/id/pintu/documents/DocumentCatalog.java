package id.pintu.documents;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopConfigurationCheck;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.SopFileSet;
import id.pintu.sop.SopFiles;
import id.pintu.workflow.Task;
import id.pintu.workflow.TaskKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The office's letterhead and the document plans of the SOPs ({@code <definitionsDirectory>/<sop>.yaml}), read and
 * checked at start-up: an unknown step, document, letter type, template file or placeholder stops the hub with a
 * message naming the file and field. While the hub runs, an edited, new or removed plan is put in force by
 * {@link id.pintu.sop.SopFilesReload} after the same checks (a plan that fails them leaves its SOP's plan as it was);
 * a case already running gets the plan in force when each of its steps is handled. Templates themselves are read
 * again at every rendering, and the letterhead when its file or logo changed, so the office edits them without a
 * restart.
 */
@Component
@Order(1)
public class DocumentCatalog implements SopConfigurationCheck, SopFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentCatalog.class);

    /** The letterhead in force and the state of its files (office file, logo) when they were last read. */
    private record InForce(Letterhead letterhead, String files) {}

    private final DocumentsProperties properties;
    private final Validator validator;
    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
    private volatile InForce letterhead;
    private final SopFileSet<DocumentPlan> plans;
    private final ObjectProvider<DocumentPlanUsers> users;
    /** Whether the start-up read is done: the features that use the plans exist only after it. */
    private volatile boolean started;

    public DocumentCatalog(DocumentsProperties properties, SopCatalog sops, Validator validator,
            ObjectProvider<DocumentPlanUsers> users) {
        this.properties = properties;
        this.validator = validator;
        this.users = users;
        List<String> problems = new ArrayList<>();
        Letterhead read = readLetterhead(problems);
        this.letterhead = read == null ? null : new InForce(read, letterheadFiles(read.profile()));
        this.plans = new SopFileSet<>("documents", properties.definitionsDirectory(),
                SopFileSet.yaml(yaml, DocumentPlan.class, sops, this::readPlan),
                (sopCode, f, plan, its) -> users.orderedStream()
                        .forEach(u -> its.addAll(u.problemsWithout(f, sopCode))));
        problems.addAll(plans.reload().problems());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid document configuration:\n  - " + String.join("\n  - ", problems));
        }
        started = true;
    }

    @Override
    public SopFileSet<?> files() {
        return plans;
    }

    /**
     * The letterhead in force. When {@code office.yaml} or the logo changed since they were last read, they are read
     * again first: an edit that passes the start-up checks is in force from this document on; one that fails them is
     * logged and the letterhead in force stays, until the files change again.
     */
    public Letterhead letterhead() {
        InForce l = letterhead;
        return letterheadFiles(l.letterhead().profile()).equals(l.files()) ? l.letterhead() : rereadLetterhead();
    }

    private synchronized Letterhead rereadLetterhead() {
        InForce l = letterhead;
        String files = letterheadFiles(l.letterhead().profile());
        if (files.equals(l.files())) {
            return l.letterhead();
        }
        List<String> problems = new ArrayList<>();
        Letterhead read = readLetterhead(problems);
        if (read == null) {
            LOG.warn("The letterhead changed but cannot be used; documents keep the one in force until it is mended:"
                    + "\n  - {}", String.join("\n  - ", problems));
            letterhead = new InForce(l.letterhead(), files);
            return l.letterhead();
        }
        LOG.info("The letterhead changed ({}): the documents made from now on carry it", properties.officeFile());
        letterhead = new InForce(read, letterheadFiles(read.profile()));
        return read;
    }

    /**
     * The office file, checked as at start-up, with its logo encoded (once, for every document under it); null (with
     * the problems added) when it cannot be used.
     */
    private Letterhead readLetterhead(List<String> problems) {
        Path file = properties.officeFile();
        OfficeProfile office;
        try {
            office = yaml.readValue(file.toFile(), OfficeProfile.class);
        } catch (IOException e) {
            problems.add(file + ": " + e.getMessage().lines().findFirst().orElse("not readable"));
            return null;
        }
        if (office == null) {
            problems.add(file + ": empty");
            return null;
        }
        int before = problems.size();
        for (ConstraintViolation<OfficeProfile> v : validator.validate(office)) {
            problems.add(file + ", field " + v.getPropertyPath() + ": " + v.getMessage());
        }
        if (office.logo() != null && !Files.isReadable(office.logo())) {
            problems.add(file + ", field logo: no readable image at " + office.logo());
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return Letterhead.of(office);
        } catch (IOException | RuntimeException e) {
            // PDFBox says little that helps here (a file that is no image fails deep inside ImageIO).
            problems.add(file + ", field logo: " + office.logo() + " is not a PNG or JPEG image");
            return null;
        }
    }

    /** When the office file and the letterhead's logo were last modified, and their sizes. */
    private String letterheadFiles(OfficeProfile office) {
        return fileState(properties.officeFile()) + "|" + (office.logo() == null ? "" : fileState(office.logo()));
    }

    private static String fileState(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime() + "/" + a.size();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** The steps the SOP's document plan names must exist in a version about to be installed. */
    @Override
    public List<String> problemsWith(SopDefinition candidate) {
        Optional<DocumentPlan> plan = plans.get(candidate.code());
        if (plan.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        checkSteps(plans.directory().resolve(candidate.code() + ".yaml"), plan.get(), candidate, problems);
        return problems;
    }

    public Optional<DocumentPlan> plan(String sopCode) {
        return plans.get(sopCode);
    }

    /**
     * Whether the case is owed a numbered letter of {@code kind}: its SOP's plan numbers that letter at a step the case
     * has reached (completed, for a number given when the step is completed). The documents feature makes it
     * asynchronously; what reports the number (the hand-over to OSS) waits for it rather than going without it.
     */
    public boolean numberOwed(String sopCode, String kind, List<Task> history) {
        return plan(sopCode).stream()
                .flatMap(p -> p.actions().stream())
                .filter(a -> a.role() == DocumentPlan.Role.NUMBER && a.document().equals(kind))
                .anyMatch(a -> history.stream().anyMatch(t -> t.kind() == TaskKind.STEP && t.stepNo() == a.step()
                        && (a.on() == DocumentPlan.Trigger.ENTERED || t.completedAt() != null)));
    }

    /** The body template of a document, as the office last saved it. */
    public String template(DocumentPlan.Spec spec) {
        try {
            return Files.readString(properties.templatesDirectory().resolve(spec.template()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("template " + spec.template() + " is not readable", e);
        }
    }

    private DocumentPlan readPlan(SopDefinition sop, Path f, DocumentPlan plan, List<String> problems) {
        if (plan == null) {
            problems.add(f + ": empty");
            return null;
        }
        for (ConstraintViolation<DocumentPlan> v : validator.validate(plan)) {
            problems.add(f + ", field " + v.getPropertyPath() + ": " + v.getMessage());
        }
        if (!problems.isEmpty()) {
            return null;
        }
        if (!plan.sop().equals(sop.code())) {
            problems.add(f + ", field sop: '" + plan.sop() + "', but the file is named after SOP '" + sop.code()
                    + "' (one plan per SOP, in <sop code>.yaml)");
            return null;
        }
        check(f, plan, sop, problems);
        if (started && problems.isEmpty()) {
            // At start-up each user checks its own files against the plans instead.
            users.orderedStream().forEach(u -> problems.addAll(u.problemsWith(f, plan)));
        }
        return problems.isEmpty() ? plan : null;
    }

    private void check(Path f, DocumentPlan plan, SopDefinition sop, List<String> problems) {
        Map<String, DocumentPlan.LetterType> types = plan.letterTypes() == null ? Map.of() : plan.letterTypes();
        types.forEach((name, t) -> {
            if (t.pattern() != null && !t.pattern().contains("{seq}")) {
                problems.add(f + ", field letterTypes." + name + ".pattern: must contain {seq}");
            }
        });
        plan.documents().forEach((kind, spec) -> {
            String at = f + ", field documents." + kind;
            if (spec.letterType() != null && !types.containsKey(spec.letterType())) {
                problems.add(at + ".letterType: no letter type '" + spec.letterType() + "' under letterTypes");
            }
            Path template = properties.templatesDirectory().resolve(spec.template() == null ? "" : spec.template());
            if (spec.template() != null && !Files.isRegularFile(template)) {
                problems.add(at + ".template: no file " + template);
            } else if (spec.template() != null) {
                try {
                    unknown(at + ".template (" + template + ")", Files.readString(template), problems);
                } catch (IOException e) {
                    problems.add(at + ".template: not readable: " + e.getMessage());
                }
            }
            unknown(at + ".perihal", spec.perihal(), problems);
            unknown(at + ".lampiran", spec.lampiran(), problems);
            for (String a : spec.addressee() == null ? List.<String>of() : spec.addressee()) {
                unknown(at + ".addressee", a, problems);
            }
        });
        checkSteps(f, plan, sop, problems);
        for (int i = 0; i < plan.actions().size(); i++) {
            DocumentPlan.Action a = plan.actions().get(i);
            String at = f + ", field actions[" + i + "]";
            DocumentPlan.Spec spec = plan.documents().get(a.document());
            if (spec == null) {
                problems.add(at + ".document: no document '" + a.document() + "' under documents");
            } else if (a.role() == DocumentPlan.Role.NUMBER && spec.letterType() == null) {
                problems.add(at + ".role: document '" + a.document() + "' is numbered but has no letterType");
            }
        }
        // The agenda book gives a case one number per letter type (AgendaBook.register): a second numbered document
        // of the same type would be sealed with the first one's number
        Map<String, String> numberedBy = new java.util.TreeMap<>();
        plan.actions().stream().filter(a -> a.role() == DocumentPlan.Role.NUMBER).map(DocumentPlan.Action::document)
                .distinct().sorted().forEach(kind -> {
                    DocumentPlan.Spec spec = plan.documents().get(kind);
                    String type = spec == null ? null : spec.letterType();
                    String other = type == null ? null : numberedBy.putIfAbsent(type, kind);
                    if (other != null) {
                        problems.add(f + ", field documents." + kind + ".letterType: '" + type + "' is also the"
                                + " letter type of the numbered document '" + other + "'; a case gets one number"
                                + " per letter type, so each numbered document needs a letter type of its own");
                    }
                });
    }

    /** The plan's references to steps of the SOP: each signatory step and each action's step must exist. */
    private static void checkSteps(Path f, DocumentPlan plan, SopDefinition sop, List<String> problems) {
        plan.documents().forEach((kind, spec) -> {
            if (spec.signatoryStep() != null && sop.step(spec.signatoryStep()).isEmpty()) {
                problems.add(f + ", field documents." + kind + ".signatoryStep: SOP " + plan.sop() + " has no step "
                        + spec.signatoryStep());
            }
            if (spec.deliveredAt() != null && sop.step(spec.deliveredAt()).isEmpty()) {
                problems.add(f + ", field documents." + kind + ".deliveredAt: SOP " + plan.sop() + " has no step "
                        + spec.deliveredAt());
            }
        });
        for (int i = 0; i < plan.actions().size(); i++) {
            DocumentPlan.Action a = plan.actions().get(i);
            if (sop.step(a.step()).isEmpty()) {
                problems.add(f + ", field actions[" + i + "].step: SOP " + plan.sop() + " has no step " + a.step());
            }
        }
    }

    private static void unknown(String where, String text, List<String> problems) {
        if (text == null) {
            return;
        }
        Set<String> names = TemplateText.placeholders(text);
        names.removeAll(TemplateFacts.NAMES);
        if (!names.isEmpty()) {
            problems.add(where + ": unknown placeholder(s) " + names + "; known: " + TemplateFacts.NAMES.stream().sorted().toList());
        }
    }
}
