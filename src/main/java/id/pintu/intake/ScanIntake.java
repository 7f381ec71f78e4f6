package id.pintu.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.common.Texts;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailTemplates;
import id.pintu.mail.OutgoingMail;
import id.pintu.mail.StatusMails;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.NewApplication;
import id.pintu.workflow.Submitted;
import id.pintu.workflow.WorkflowService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front office's scan folder. A scan with a sidecar {@code <name>.json} (or {@code .properties}) holding the
 * application's fields makes a walk-in case; a scan named {@code <tracking code>_<document>.pdf} is added to that
 * case. The route moves the scan to {@code .done/} or {@code .error/}; this bean moves the sidecar with it and writes
 * the reason of a refusal beside the refused file. Nothing is deleted.
 */
@Component
public class ScanIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ScanIntake.class);
    public static final String TARGET = "PintuScanTarget";
    static final String CHANNEL = "walk-in";
    static final String DONE = ".done";
    static final String ERROR = ".error";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()-]{0,199}");
    private static final Pattern CODE_PREFIX = Pattern.compile("^(PTU-\\d{2}-[2-9A-HJ-NP-Z]{7})[_ ]+(.+)$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final WorkflowService workflow;
    private final ApplicationRepository applications;
    private final SopCatalog catalog;
    private final DossierService dossier;
    private final DossierRepository items;
    private final DocumentStore documents;
    private final ContentCheck check;
    private final IntakeRecords records;
    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final StatusMails statusMails;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public ScanIntake(WorkflowService workflow, ApplicationRepository applications, SopCatalog catalog,
            DossierService dossier, DossierRepository items, DocumentStore documents, ContentCheck check,
            IntakeRecords records, MailOutbox outbox, MailTemplates templates, StatusMails statusMails,
            Validator validator, TransactionTemplate tx, Clock clock, MeterRegistry registry) {
        this.workflow = workflow;
        this.applications = applications;
        this.catalog = catalog;
        this.dossier = dossier;
        this.items = items;
        this.documents = documents;
        this.check = check;
        this.records = records;
        this.outbox = outbox;
        this.templates = templates;
        templates.require("scan intake", List.of("diterima"));
        this.statusMails = statusMails;
        this.validator = validator;
        this.tx = tx;
        this.clock = clock;
        this.registry = registry;
    }

    /** The sidecar's fields (JSON keys or properties names). */
    public record Sidecar(String sop, String companyName, String nib, String npwp, String kbli, String address,
            String applicantName, String applicantEmail, String phone, String description, String document) {}

    /** Names the file's place in .done/ or .error/ (a time stamp in front, so no earlier file is overwritten). */
    public void target(Exchange exchange) {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        exchange.getIn().setHeader(TARGET, STAMP.format(clock.instant().atZone(StatusMails.WIB)) + "-" + name);
    }

    public String receive(Exchange exchange) throws IOException {
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        String name = file.getFileName().toString();
        if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new ScanRejectedException("nama file tidak diizinkan: gunakan huruf, angka, spasi, titik, garis"
                    + " bawah atau tanda hubung saja");
        }
        byte[] content = Files.readAllBytes(file);
        ContentCheck.Verdict verdict = check.check(name, content);
        if (!verdict.valid()) {
            throw new ScanRejectedException("file " + name + " ditolak: " + verdict.problem());
        }
        String target = exchange.getIn().getHeader(TARGET, String.class);
        String key = Texts.cut("scan:" + DocumentStore.sha256(content) + ":" + name, 255);
        Matcher code = CODE_PREFIX.matcher(name);
        String result;
        try {
            result = code.matches()
                    ? tx.execute(s -> addToCase(key, code.group(1), code.group(2), content, verdict))
                    : newCase(key, file, name, content, verdict);
        } catch (DuplicateKeyException e) {
            LOG.info("Scan {} was taken in before (same name and content); moved to {}", name, DONE);
            result = "DUPLICATE";
        }
        moveSidecar(file, DONE, target);
        count(result.equals("DUPLICATE") ? "duplicate" : code.matches() ? "added" : "accepted");
        return result;
    }

    /** After a refusal: the reason beside the file in .error/, and the sidecar moved there too. */
    public void failed(Exchange exchange) throws IOException {
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        String target = exchange.getIn().getHeader(TARGET, String.class);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = e instanceof ScanRejectedException ? e.getMessage()
                : "kesalahan saat memproses file: " + (e == null ? "tidak diketahui" : e.toString());
        Path errors = file.resolveSibling(ERROR);
        Files.createDirectories(errors);
        Files.writeString(errors.resolve(target + ".reason.txt"), reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
        moveSidecar(file, ERROR, target);
        count(e instanceof ScanRejectedException ? "refused" : "error");
        LOG.warn("Scan {} refused: {}", file.getFileName(), reason);
    }

    /** {@code pintu.scans.received{outcome}}: a scan taken in (committed), refused or failed. */
    private void count(String outcome) {
        Counter.builder("pintu.scans.received")
                .description("Scans taken from the front office's scan folder, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** The scan's {@code verdict} is the one {@link #receive} judged it by: the dossier does not open it again. */
    private String addToCase(String key, String trackingCode, String documentName, byte[] content,
            ContentCheck.Verdict verdict) {
        Application app = applications.findByTrackingCode(trackingCode)
                .orElseThrow(() -> new ScanRejectedException("kode pelacakan " + trackingCode + " tidak dikenal"));
        records.claim(key, null, clock.instant());
        dossier.record(app, List.of(new DossierService.Judged(new IncomingFile(documentName, content), verdict)),
                null, "front-office-scan");
        records.outcome(key, "SCAN", app.id());
        LOG.info("Scan {} added to case {}", documentName, trackingCode);
        return app.id();
    }

    private String newCase(String key, Path file, String name, byte[] content, ContentCheck.Verdict verdict)
            throws IOException {
        Path sidecarFile = sidecar(file).orElseThrow(() -> new ScanRejectedException("tidak ada file isian "
                + DossierRequirements.stripExtension(name) + ".json (atau .properties) di samping scan ini, dan"
                + " nama file tidak diawali kode pelacakan"));
        Sidecar s = readSidecar(sidecarFile);
        if (s.sop() != null && catalog.find(s.sop()).isEmpty()) {
            throw new ScanRejectedException("SOP '" + s.sop() + "' tidak dikenal");
        }
        ApplicationForm form = new ApplicationForm(s.companyName(), s.nib(), s.npwp(), s.kbli(), s.address(),
                s.applicantName(), s.applicantEmail(), s.phone(), s.description());
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<ApplicationForm> v : validator.validate(form)) {
            problems.add(v.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new ScanRejectedException("isian " + sidecarFile.getFileName() + " tidak lengkap atau salah: "
                    + String.join("; ", problems));
        }
        byte[] sidecarBytes = Files.readAllBytes(sidecarFile);
        return tx.execute(st -> {
            records.claim(key, form.applicantEmail(), clock.instant());
            Submitted sub = workflow.submit(new NewApplication(s.sop(),
                    new Application.Applicant(form.applicantName(), form.applicantEmail(), form.phone()),
                    new Application.Company(form.companyName(), form.nib(), form.npwp(), form.address(), form.kbli()),
                    form.description(), CHANNEL));
            Application app = sub.application();
            documents.store(app.id(), "formulir-scan", 1, sidecarFile.getFileName().toString(),
                    "text/plain", sidecarBytes, StoredDocument.STAFF, "front-office-scan");
            List<DossierItem> added = dossier.record(app,
                    List.of(new DossierService.Judged(new IncomingFile(name, content), verdict)), 1,
                    "front-office-scan");
            if (s.document() != null && !s.document().isBlank()) {
                for (DossierItem i : added) {
                    if (i.documentId() != null) {
                        dossier.correct(app.id(), i.documentId(), s.document(), "front-office-scan");
                    }
                }
            }
            records.outcome(key, "ACCEPTED", app.id());
            Map<String, String> values = new HashMap<>(statusMails.values(app, null));
            values.put("trackingInfo", "Lacak permohonan Anda melalui tautan berikut (simpan email ini; tautan"
                    + " berisi token rahasia Anda):\n" + statusMails.trackUrl(app.trackingCode(), sub.token()));
            MailTemplates.Rendered r = templates.render("diterima", values);
            outbox.enqueue(new OutgoingMail("diterima:" + app.id(), app.id(), app.applicant().email(), r.subject(),
                    r.body(), List.of()));
            LOG.info("Scan {} became walk-in case {}", name, app.trackingCode());
            return app.id();
        });
    }

    private static java.util.Optional<Path> sidecar(Path scan) {
        String base = DossierRequirements.stripExtension(scan.getFileName().toString());
        for (String ext : new String[] {".json", ".properties"}) {
            Path p = scan.resolveSibling(base + ext);
            if (Files.isRegularFile(p)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    private Sidecar readSidecar(Path p) {
        try {
            if (p.toString().endsWith(".json")) {
                return json.readValue(p.toFile(), Sidecar.class);
            }
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(p);
                    java.io.Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                props.load(r);
            }
            Map<String, String> m = new HashMap<>();
            props.stringPropertyNames().forEach(k -> m.put(k, props.getProperty(k)));
            return json.convertValue(m, Sidecar.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ScanRejectedException("file isian " + p.getFileName() + " tidak dapat dibaca: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void moveSidecar(Path scan, String folder, String target) throws IOException {
        java.util.Optional<Path> sidecar = sidecar(scan);
        if (sidecar.isPresent()) {
            Path dir = scan.resolveSibling(folder);
            Files.createDirectories(dir);
            String ext = sidecar.get().toString().endsWith(".json") ? ".json" : ".properties";
            Files.move(sidecar.get(), dir.resolve(DossierRequirements.stripExtension(target) + ext),
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
