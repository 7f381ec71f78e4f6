package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scan folder: a scan with its sidecar makes a walk-in case and both move to .done/; a scan named with the
 * tracking code joins that case; a disguised file moves to .error/ with the reason beside it. Nothing is deleted.
 */
@HubTest
class ScanFolderIntakeTest {

    @Autowired
    IntakeRoutes routes;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    Api api;

    @Test
    void goodScansMakeOrJoinCasesAndBadOnesGoToErrorWithReason() throws Exception {
        Path dir = routes.scanDirectory();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("loket-001.json"), """
                {"companyName": "CV Tenun Dairi", "nib": "9120009876543", "npwp": "0123456789010000", "kbli": "13111",
                 "address": "Jl. Pahlawan No. 3, Sidikalang", "applicantName": "Rosmawati Sinaga",
                 "applicantEmail": "rosma@contoh.co.id", "phone": "081200001111", "document": "surat-permohonan"}
                """, StandardCharsets.UTF_8);
        Files.write(dir.resolve("loket-001.pdf"), MailTestSupport.pdf("Surat permohonan CV Tenun Dairi"));
        Files.write(dir.resolve("program.pdf"), "MZ not a pdf at all".getBytes(StandardCharsets.US_ASCII));

        Path done = dir.resolve(".done");
        Path error = dir.resolve(".error");
        await().atMost(Duration.ofSeconds(40)).until(() -> names(done).size() == 2 && names(error).size() == 2);
        assertThat(names(done)).anyMatch(n -> n.endsWith("-loket-001.pdf")).anyMatch(n -> n.endsWith("-loket-001.json"));
        assertThat(names(error)).anyMatch(n -> n.endsWith("-program.pdf"));
        Path reason = Files.list(error).filter(p -> p.toString().endsWith(".reason.txt")).findFirst().orElseThrow();
        assertThat(Files.readString(reason)).contains("program.pdf", "isi file bukan PDF, JPG atau PNG");
        assertThat(Files.list(dir).filter(Files::isRegularFile)).isEmpty();

        Application app = applications.search(null, null, null, 50).stream()
                .filter(a -> a.company().nib().equals("9120009876543"))
                .findFirst()
                .orElseThrow();
        assertThat(app.channel()).isEqualTo("walk-in");
        Files.write(dir.resolve(app.trackingCode() + "_ktp penanggung jawab.pdf"), MailTestSupport.pdf("KTP"));
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(
                api.call(org.springframework.http.HttpMethod.GET, "/api/applications/" + app.id() + "/dossier", null,
                        "front-office").body().toString())
                .contains("\"key\":\"surat-permohonan\",\"label\":\"Surat permohonan\",\"status\":\"PRESENT\"")
                .contains("\"key\":\"ktp-penanggung-jawab\",\"label\":\"KTP penanggung jawab\",\"status\":\"PRESENT\""));
        await().atMost(Duration.ofSeconds(10)).until(() -> names(done).size() == 3);
    }

    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
