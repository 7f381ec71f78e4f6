package id.pintu.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.DocumentCatalog;
import id.pintu.intake.DossierRequirements;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailProperties;
import id.pintu.mail.MailRules;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The office puts its billboard permit service (izin reklame, installed without papers, mails or checklist) fully to
 * work while the hub runs: it writes the SOP's document plan, mail rules and dossier list and reloads. Files with
 * mistakes are refused, naming file and field, and change nothing for their SOP (a broken edit of another SOP's mail
 * rules leaves its rules in force); once mended, the next case gets its receipt as a sealed PDF by email and is checked
 * against the new list; a plan that would leave a mail waiting for a document it no longer makes is refused, unless
 * the rules change with it; an edited letterhead is on the next document; a removed list is gone, a removed plan only
 * once no rule attaches its documents; a list written before its SOP is installed goes in with the installation. No
 * restart.
 */
@HubTest
class SopFilesChangedWhileRunningTest {

    static final String REKLAME = "izin-reklame";
    static final String INDUSTRI = "izin-perluasan-usaha-industri";
    static final String APPLICANT = "reklame@contoh.co.id";
    static final Path DIR;
    static final Path DOCUMENTS;
    static final Path MAIL;
    static final Path DOSSIER;
    static final Path OFFICE;
    static final String NEW_ADDRESS = "Jl. Sisingamangaraja No. 1 Sidikalang 22211";

    static {
        try {
            DIR = Files.createTempDirectory("pintu-sop-files");
            DOCUMENTS = copy("config/documents", "documents");
            MAIL = copy("config/mail", "mail");
            DOSSIER = copy("config/dossier", "dossier");
            OFFICE = Files.copy(Path.of("config/office.yaml"), DIR.resolve("office.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void officeFiles(DynamicPropertyRegistry registry) {
        registry.add("pintu.documents.definitions-directory", DOCUMENTS::toString);
        registry.add("pintu.mail.rules-directory", MAIL::toString);
        registry.add("pintu.intake.dossier-directory", DOSSIER::toString);
        registry.add("pintu.documents.office-file", OFFICE::toString);
        // Reloaded by the test's own requests only, so that each answer is the change it made.
        registry.add("pintu.sop.files-check-interval", () -> "0s");
    }

    static final String PLAN = """
            sop: izin-reklame
            documents:
              resi:
                title: RESI PENERIMAAN BERKAS
                layout: form
                template: resi.txt
                audience: APPLICANT
                signatoryStep: 2
                signatoryCaption: Petugas Penerima Berkas
            actions:
              - { step: %d, on: entered, document: resi, role: issue }
            """;

    static final String RULES = """
            rules:
              - event: STEP_COMPLETED
                step: 3
                template: resi
                attach: [%s]
            """;

    static final String CHECKLIST = """
            completenessStep: 2
            incompleteOutcome: incomplete
            requirements:
              - key: surat-permohonan
                label: Surat permohonan
                patterns: ["permohonan"]
              - key: desain-reklame
                label: Desain dan ukuran reklame
                patterns: ["desain", "reklame"]
            """;

    @Autowired
    Api api;

    @Autowired
    DocumentCatalog documents;

    @Autowired
    MailRules mailRules;

    @Autowired
    DossierRequirements dossiers;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    SopCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aServiceGetsItsPapersMailsAndChecklistWithoutARestart() throws Exception {
        JsonNode before = api.call(HttpMethod.GET, "/api/admin/sops/files", null, "admin").body();
        assertThat(before.at("/inForce/documents/sops").toString()).isEqualTo("[\"" + INDUSTRI + "\"]");
        assertThat(documents.plan(REKLAME)).isEmpty();
        List<MailRules.Rule> industriRules = mailRules.rules(INDUSTRI);
        assertThat(industriRules).isNotEmpty();

        // A plan naming a step the SOP lacks, rules attaching a document no plan makes, a good list, and a broken edit
        // of the other SOP's rules.
        write(DOCUMENTS.resolve(REKLAME + ".yaml"), PLAN.formatted(30));
        write(MAIL.resolve(REKLAME + ".yaml"), RULES.formatted("surat-izin-reklame"));
        write(DOSSIER.resolve(REKLAME + ".yaml"), CHECKLIST);
        write(MAIL.resolve(INDUSTRI + ".yaml"), Files.readString(MAIL.resolve(INDUSTRI + ".yaml"))
                .replace("template: terverifikasi", "template: terverifikasih"));
        Api.Response refused = reload();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString())
                .contains(REKLAME + ".yaml, field actions[0].step: SOP " + REKLAME + " has no step 30")
                .contains(REKLAME + ".yaml, rule 1, field attach: SOP " + REKLAME
                        + "'s document plan has no document 'surat-izin-reklame'")
                .contains(INDUSTRI + ".yaml, rule 4, field template: no file");
        assertThat(documents.plan(REKLAME)).isEmpty();
        assertThat(mailRules.rules(REKLAME)).isEmpty();
        assertThat(mailRules.rules(INDUSTRI)).as("the rules in force stay").isEqualTo(industriRules);
        assertThat(dossiers.of(REKLAME).requirements()).extracting(DossierRequirements.Requirement::key)
                .containsExactly("surat-permohonan", "desain-reklame");
        JsonNode shown = api.call(HttpMethod.GET, "/api/admin/sops/files", null, "admin").body();
        assertThat(shown.get("problem").asText()).contains("has no step 30");
        assertThat(shown.at("/lastReload/files/dossier/added").toString()).isEqualTo("[\"" + REKLAME + "\"]");

        // Mended: the plan and the rules go in, in one reload.
        write(DOCUMENTS.resolve(REKLAME + ".yaml"), PLAN.formatted(3));
        write(MAIL.resolve(REKLAME + ".yaml"), RULES.formatted("resi"));
        write(MAIL.resolve(INDUSTRI + ".yaml"), Files.readString(MAIL.resolve(INDUSTRI + ".yaml"))
                .replace("template: terverifikasih", "template: terverifikasi"));
        Api.Response mended = reload();
        assertThat(mended.status()).as("%s", mended.body()).isEqualTo(200);
        assertThat(mended.body().at("/files/documents/added").toString()).isEqualTo("[\"" + REKLAME + "\"]");
        assertThat(mended.body().at("/files/mail/added").toString()).isEqualTo("[\"" + REKLAME + "\"]");
        assertThat(mended.body().at("/files/dossier").isMissingNode()).as("unchanged since the last reload").isTrue();
        assertThat(api.call(HttpMethod.GET, "/api/admin/sops/files", null, "admin").body().hasNonNull("problem"))
                .isFalse();
        assertThat(reload().body().get("changed").asBoolean()).as("nothing more to do").isFalse();

        // A plan that no longer makes the receipt the rules attach is refused; renamed in both files at once, it goes in.
        String renamed = PLAN.formatted(3).replace("resi:", "tanda-terima:").replace("document: resi", "document: tanda-terima");
        write(DOCUMENTS.resolve(REKLAME + ".yaml"), renamed);
        Api.Response orphaning = reload();
        assertThat(orphaning.status()).isEqualTo(422);
        assertThat(orphaning.body().toString()).contains(REKLAME + ".yaml, field documents: no document 'resi' for the"
                + " applicant, which " + MAIL.resolve(REKLAME + ".yaml") + ", rule 1, attaches");
        assertThat(documents.plan(REKLAME).orElseThrow().documents()).containsOnlyKeys("resi");
        write(MAIL.resolve(REKLAME + ".yaml"), RULES.formatted("tanda-terima"));
        Api.Response both = reload();
        assertThat(both.status()).as("%s", both.body()).isEqualTo(200);
        assertThat(both.body().get("summary").asText())
                .isEqualTo("documents changed [" + REKLAME + "]; mail changed [" + REKLAME + "]");
        assertThat(documents.plan(REKLAME).orElseThrow().documents()).containsOnlyKeys("tanda-terima");

        // The letterhead edited: an edit naming a logo that is not there, or is no image, keeps the one in force; a good
        // one is on the next document.
        String letterhead = Files.readString(OFFICE);
        String address = documents.letterhead().profile().address();
        write(OFFICE, letterhead.replace("logo: config/documents/logo.png", "logo: config/documents/tidak-ada.png"));
        assertThat(documents.letterhead().profile().address()).isEqualTo(address);
        assertThat(documents.letterhead().profile().logo()).isEqualTo(Path.of("config/documents/logo.png"));
        Path scribble = Files.writeString(DIR.resolve("coretan.png"), "bukan gambar");
        write(OFFICE, letterhead.replace("logo: config/documents/logo.png", "logo: " + scribble));
        assertThat(documents.letterhead().profile().logo()).isEqualTo(Path.of("config/documents/logo.png"));
        write(OFFICE, letterhead.replace(address, NEW_ADDRESS));
        assertThat(documents.letterhead().profile().address()).isEqualTo(NEW_ADDRESS);

        // A case of the service now gets its receipt, sealed, by email, and is checked against its own list.
        Map<String, Object> application = new HashMap<>(Api.application(31));
        application.put("sop", REKLAME);
        application.put("applicant", Map.of("name", "Rina Reklame", "email", APPLICANT, "phone", "081234567890"));
        JsonNode created = api.submit(application);
        String id = created.get("id").asText();
        String code = created.get("trackingCode").asText();
        JsonNode checklist = api.call(HttpMethod.GET, "/api/applications/" + id + "/dossier", null, "front-office")
                .body();
        assertThat(checklist.get("required").findValuesAsText("key")).containsExactly("surat-permohonan",
                "desain-reklame");
        JsonNode step2 = api.awaitTask(id, 2);
        assertThat(api.complete(step2.get("taskId").asText(), "front-office", "complete").status()).isEqualTo(200);
        JsonNode step3 = api.awaitTask(id, 3);
        assertThat(api.complete(step3.get("taskId").asText(), "front-office", null).status()).isEqualTo(200);
        MailTestSupport.Received receipt = new MailTestSupport(mailProperties)
                .awaitMail(APPLICANT, r -> r.subject().contains("Resi penerimaan berkas"));
        assertThat(receipt.subject()).contains(code);
        assertThat(receipt.attachments()).hasSize(1);
        try (PDDocument pdf = Loader.loadPDF(receipt.attachments().values().iterator().next())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("RESI PENERIMAAN BERKAS").contains(code).contains(NEW_ADDRESS);
        }

        // The list removed: the service requires nothing in particular from now on.
        Files.delete(DOSSIER.resolve(REKLAME + ".yaml"));
        Api.Response removed = reload();
        assertThat(removed.body().at("/files/dossier/removed").toString()).isEqualTo("[\"" + REKLAME + "\"]");
        assertThat(dossiers.of(REKLAME).requirements()).isEmpty();

        // The plan removed while the rules still attach its receipt stays in force; removed with the rules, both go.
        Files.delete(DOCUMENTS.resolve(REKLAME + ".yaml"));
        Api.Response planGone = reload();
        assertThat(planGone.status()).isEqualTo(422);
        assertThat(planGone.body().toString()).contains(DOCUMENTS.resolve(REKLAME + ".yaml") + ": removed, but "
                + MAIL.resolve(REKLAME + ".yaml") + ", rule 1, attaches tanda-terima");
        assertThat(documents.plan(REKLAME)).isPresent();
        Files.delete(MAIL.resolve(REKLAME + ".yaml"));
        Api.Response bothGone = reload();
        assertThat(bothGone.status()).as("%s", bothGone.body()).isEqualTo(200);
        assertThat(bothGone.body().get("summary").asText())
                .isEqualTo("documents removed [" + REKLAME + "]; mail removed [" + REKLAME + "]");
        assertThat(documents.plan(REKLAME)).isEmpty();

        // A list written before its SOP is installed waits for it, and goes in with the installation.
        String tetap = "izin-reklame-tetap";
        write(DOSSIER.resolve(tetap + ".yaml"), CHECKLIST);
        Api.Response early = reload();
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().toString()).contains(tetap + ".yaml: no SOP '" + tetap + "'");
        catalog.add(Files.readString(Path.of("config/sop/" + REKLAME + ".yaml"))
                .replace("code: " + REKLAME, "code: " + tetap), "test");
        assertThat(dossiers.of(tetap).requirements()).hasSize(2);
        assertThat(api.call(HttpMethod.GET, "/api/admin/sops/files", null, "admin").body().hasNonNull("problem"))
                .isFalse();

        List<String> audited = jdbc.sql(
                "SELECT after_json FROM audit_log WHERE action = 'SOP_FILES_RELOADED' ORDER BY seq")
                .query(String.class).list();
        assertThat(audited).hasSize(6);
        assertThat(audited.get(1)).contains("documents added [" + REKLAME + "]");
        assertThat(audited.get(4)).contains("documents removed [" + REKLAME + "]");
        assertThat(audited.get(5)).contains("dossier added [" + tetap + "]");
    }

    private Api.Response reload() {
        return api.call(HttpMethod.POST, "/api/admin/sops/files/reload", null, "admin");
    }

    private static Path copy(String from, String name) throws IOException {
        Path to = Files.createDirectories(DIR.resolve(name));
        try (var files = Files.list(Path.of(from))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** Written whole and moved into place, as an editor or a deployment tool saves it. */
    private static void write(Path file, String content) throws IOException {
        Path tmp = DIR.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
