package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.documents.IndonesianDates;
import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailProperties;
import id.pintu.sop.SopCatalog;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * IT edits the staff files while the hub runs: a clerk who joins can work within the check interval, one who leaves
 * is refused, a changed role counts at once, a Plh appointed for today holds the role, and a browser session whose
 * user changed is signed out at its next page. A file the office cannot run on is refused with its problem and
 * changes nothing. Every change is in the audit trail, with usernames and never a password hash. A letter signed
 * before its signatory left the office is sealed with the signature it was signed with, and with the names of the
 * officials who initialled it, though one of them left too.
 */
@HubTest
class StaffChangedWhileRunningTest {

    static final Path DIR;
    static final Path USERS;
    static final Path ACTING;
    static final String ORIGINAL_USERS;
    static final String ORIGINAL_ACTING;
    /** The bcrypt hash of "demo" that the shipped demo users carry. */
    static final String DEMO_HASH = "{bcrypt}$2a$10$wLUjeHSpbsuOPhF41wbq5O7r052CncIv33ljvzHR5ib2S5UciQuqm";

    static {
        try {
            DIR = Files.createTempDirectory("pintu-staff");
            USERS = Files.copy(Path.of("config/users-demo.yaml"), DIR.resolve("users.yaml"));
            ACTING = Files.copy(Path.of("config/acting.yaml"), DIR.resolve("acting.yaml"));
            ORIGINAL_USERS = Files.readString(USERS);
            ORIGINAL_ACTING = Files.readString(ACTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void staffFiles(DynamicPropertyRegistry registry) {
        registry.add("pintu.security.users-file", USERS::toString);
        registry.add("pintu.acting.file", ACTING::toString);
        registry.add("pintu.security.check-interval", () -> "300ms");
        // The refused logins of removed users would otherwise lock 127.0.0.1 after five (LoginThrottleTest's subject).
        registry.add("pintu.login-throttle.max-failures", () -> "1000");
    }

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    UserDirectory directory;

    @Autowired
    SopCatalog catalog;

    @Autowired
    MailProperties mailProperties;

    @LocalServerPort
    int port;

    @AfterEach
    void restoreFiles() throws IOException {
        write(USERS, ORIGINAL_USERS);
        write(ACTING, ORIGINAL_ACTING);
        assertThat(reload("admin").status()).isEqualTo(200);
    }

    @Test
    void aClerkWhoJoinsWorksOneWhoLeavesIsRefusedAndARoleChangeCountsAtOnce() throws IOException {
        assertThat(inbox("front-office", "rina2").status()).as("not in the users file yet").isEqualTo(401);

        write(USERS, ORIGINAL_USERS + user("rina2", "front-office"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(inbox("front-office", "rina2").status()).isEqualTo(200));
        assertThat(inbox("backoffice", "rina2").status()).as("a role she does not hold").isEqualTo(403);

        write(USERS, ORIGINAL_USERS + user("rina2", "backoffice"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(inbox("front-office", "rina2").status()).as("the role taken away").isEqualTo(403));
        assertThat(inbox("backoffice", "rina2").status()).as("the role given").isEqualTo(200);

        JsonNode staff = api.call(HttpMethod.GET, "/api/admin/staff", null, "admin").body();
        assertThat(staff.toString()).as("no password hash is ever shown").doesNotContain("bcrypt");
        assertThat(staff.get("users").findValuesAsText("username")).contains("rina2", "kadis");
        JsonNode last = staff.get("lastReload");
        assertThat(last.get("by").asText()).isEqualTo("staff-check");
        assertThat(last.get("usersChanged").toString()).contains("rina2");

        write(USERS, ORIGINAL_USERS);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(inbox("backoffice", "rina2").status()).as("removed from the file").isEqualTo(401));
        assertThat(inbox("backoffice", "backoffice").status()).as("the others are untouched").isEqualTo(200);

        List<String> audited = jdbc.sql("SELECT before_json || ' ' || after_json FROM audit_log"
                + " WHERE action = 'STAFF_RELOADED' ORDER BY seq").query(String.class).list();
        assertThat(String.join("\n", audited)).contains("\"usersAdded\":[\"rina2\"]")
                .contains("\"usersChanged\":[\"rina2\"]").contains("\"usersRemoved\":[\"rina2\"]")
                .doesNotContain("bcrypt");
    }

    @Test
    void aPlhAppointedForTodayHoldsTheRoleWithoutARestart() throws Exception {
        assertThat(inbox("kabid-pelayanan", "tim-teknis").status()).isEqualTo(403);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        write(ACTING, ORIGINAL_ACTING + "  - user: tim-teknis\n    actor: kabid-pelayanan\n    kind: PLH\n"
                + "    from: \"" + today.minusDays(1) + "\"\n    to: \"" + today.plusDays(1) + "\"\n"
                + "    basis: Surat Perintah Nomor 800/1/2026\n");
        // At once on request (or by the check, if it came first: then the request finds nothing left to do).
        assertThat(reload("admin").status()).isEqualTo(200);
        assertThat(inbox("kabid-pelayanan", "tim-teknis").status()).as("Plh from today").isEqualTo(200);
        assertThat(lastReload().get("actingAdded").findValuesAsText("user")).containsExactly("tim-teknis");
        // The appointee is told at the address of the users file, once, whichever reload saw the change first
        MailTestSupport mail = new MailTestSupport(mailProperties);
        MailTestSupport.Received told = mail.awaitMail("jonni.pardede@dpmptsp.dairikab.go.id",
                m -> m.text().contains("Berdasarkan Surat Perintah Nomor 800/1/2026, Anda ditunjuk"));
        assertThat(told.subject()).isEqualTo("[Pintu] Penunjukan Plh " + catalog.actorName("kabid-pelayanan") + ", "
                + IndonesianDates.date(today.minusDays(1)) + " s.d. " + IndonesianDates.date(today.plusDays(1)));
        assertThat(told.text()).contains("dicatat oleh bagian TI (" + ACTING + ")");

        write(ACTING, ORIGINAL_ACTING);
        assertThat(reload("admin").status()).isEqualTo(200);
        assertThat(inbox("kabid-pelayanan", "tim-teknis").status()).as("appointment removed").isEqualTo(403);
        assertThat(lastReload().get("actingRemoved").findValuesAsText("user")).containsExactly("tim-teknis");
        // Begun yesterday and removed today: ended early, yesterday its last day (as the leave page ends one)
        MailTestSupport.Received ended = mail.awaitMail("jonni.pardede@dpmptsp.dairikab.go.id",
                m -> m.subject().endsWith(" berakhir " + IndonesianDates.date(today.minusDays(1))));
        assertThat(ended.subject()).isEqualTo("[Pintu] Penunjukan Plh " + catalog.actorName("kabid-pelayanan")
                + " berakhir " + IndonesianDates.date(today.minusDays(1)));
        assertThat(ended.text()).contains("(Surat Perintah Nomor 800/1/2026, semula "
                        + IndonesianDates.date(today.minusDays(1)) + " sampai dengan "
                        + IndonesianDates.date(today.plusDays(1))
                        + ") diakhiri lebih awal oleh bagian TI (" + ACTING + ")")
                .contains("hari terakhir Anda memegang peran itu adalah " + IndonesianDates.date(today.minusDays(1)));
    }

    @Test
    void aPlhAppointedForNextWeekInTheFileIsToldWhenITShortensItAndWhenITRemovesIt() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        LocalDate from = today.plusDays(7);
        String entry = "  - user: tim-teknis\n    actor: kabid-pelayanan\n    kind: PLH\n    from: \"" + from
                + "\"\n    to: \"%s\"\n    basis: Surat Perintah Nomor 800/2/2026\n";
        String address = "jonni.pardede@dpmptsp.dairikab.go.id";
        MailTestSupport mail = new MailTestSupport(mailProperties);
        write(ACTING, ORIGINAL_ACTING + entry.formatted(today.plusDays(11)));
        assertThat(reload("admin").status()).isEqualTo(200);
        mail.awaitMail(address, m -> m.subject().endsWith(IndonesianDates.date(from) + " s.d. "
                + IndonesianDates.date(today.plusDays(11))));

        // IT brings the last day forward: told it ends early, not appointed a second time
        write(ACTING, ORIGINAL_ACTING + entry.formatted(today.plusDays(8)));
        assertThat(reload("admin").status()).isEqualTo(200);
        MailTestSupport.Received shortened = mail.awaitMail(address,
                m -> m.subject().endsWith(" berakhir " + IndonesianDates.date(today.plusDays(8))));
        assertThat(shortened.text()).contains("semula " + IndonesianDates.date(from) + " sampai dengan "
                + IndonesianDates.date(today.plusDays(11)));
        String again = "%acting-file-appointed:tim-teknis:kabid-pelayanan:" + from + ":" + today.plusDays(8) + "%";
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE payload LIKE ?").param(again).query(Integer.class)
                .single() + jdbc.sql("SELECT COUNT(*) FROM mail_sent WHERE dedup_key LIKE ?").param(again)
                .query(Integer.class).single()).as("no second appointment mail, queued or sent").isZero();

        // IT removes it before it began: told it is withdrawn
        write(ACTING, ORIGINAL_ACTING);
        assertThat(reload("admin").status()).isEqualTo(200);
        MailTestSupport.Received withdrawn = mail.awaitMail(address, m -> m.subject().contains("dibatalkan"));
        assertThat(withdrawn.text()).contains("untuk " + IndonesianDates.date(from) + " sampai dengan "
                        + IndonesianDates.date(today.plusDays(8)) + " (Surat Perintah Nomor 800/2/2026) dibatalkan oleh"
                        + " bagian TI (" + ACTING + ")")
                .contains("sebelum dimulai");
    }

    @Test
    void aBrowserSessionEndsAtItsNextPageWhenItsUserChanges() throws Exception {
        write(USERS, ORIGINAL_USERS + user("dewi2", "backoffice"));
        assertThat(reload("admin").status()).isEqualTo(200);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = get(browser, "/masuk").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login form carries its CSRF token").isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/masuk"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=dewi2&password=demo&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("galat");
        assertThat(get(browser, "/kotak-masuk/backoffice").statusCode()).as("signed in").isEqualTo(200);

        write(USERS, ORIGINAL_USERS + user("dewi2", "tim-teknis"));
        assertThat(reload("admin").status()).isEqualTo(200);
        HttpResponse<String> next = get(browser, "/kotak-masuk/backoffice");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/masuk?berubah");
        assertThat(get(browser, "/masuk?berubah").body()).contains("telah diubah oleh admin");
        assertThat(get(browser, "/kotak-masuk/tim-teknis").statusCode()).as("the session is gone").isEqualTo(302);
    }

    @Test
    void aLetterSealedAfterItsSignatoryAndAnInitiallerLeftKeepsTheirNames() throws Exception {
        String id = api.submit(Api.application(901)).get("id").asText();
        api.completeRejectBranchThrough(id, 12);
        // Step 12: the Sekretaris signs the rejection letter; the documents feature freezes it with the signature.
        await().atMost(Api.ROUTING_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() ->
                documents(id).findValuesAsText("name").stream().anyMatch(n -> n.contains("penolakan") && n.endsWith("-ttd.pdf")));

        // The Sekretaris (who signed at step 12) and the Kabid Pelayanan (who initialled at step 11) leave the office.
        write(USERS, without(without(ORIGINAL_USERS, "sekretaris"), "kabid-pelayanan"));
        assertThat(reload("admin").status()).isEqualTo(200);
        assertThat(inbox("sekretaris", "sekretaris").status()).as("gone from the users file").isEqualTo(401);
        assertThat(inbox("kabid-pelayanan", "kabid-pelayanan").status()).as("gone from the users file").isEqualTo(401);
        assertThat(api.call(HttpMethod.GET, "/api/admin/staff", null, "admin").body().get("actingWithoutUser")
                .findValuesAsText("user")).as("the shipped Plh appointment names her").contains("sekretaris");

        // Step 13 numbers and seals the letter, after its signatory left.
        JsonNode step13 = api.awaitTask(id, 13);
        assertThat(api.complete(step13.get("taskId").asText(), step13.get("actor").asText(), null).status())
                .isEqualTo(200);
        JsonNode sealed = await().atMost(Api.ROUTING_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode d : documents(id)) {
                if (d.get("kind").asText().equals("surat-penolakan") && d.get("name").asText().startsWith("surat-penolakan-503")) {
                    return d;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        String text = pdfText(sealed.get("id").asText());
        assertThat(text).contains("Drs. Bonar Situmorang, M.Si", "Pembina Tingkat I (IV/b)", "NIP. 197002141996031002",
                "Ditandatangani secara elektronik");
        assertThat(text).as("the initial keeps the name and post it was made with")
                .contains("Marlina Br. Sinaga, S.H. (Kepala Bidang Pelayanan)")
                .doesNotContain("kabid-pelayanan");
    }

    /** The users file without one user's entry. */
    private static String without(String users, String username) {
        int from = users.indexOf("  - username: " + username + "\n");
        int to = users.indexOf("  - username: ", from + 1);
        return users.substring(0, from) + (to < 0 ? "" : users.substring(to));
    }

    @Test
    void aClerkAwayFromTodayHoldsNoRoleUntilTheAbsenceIsWithdrawn() throws IOException {
        assertThat(inbox("tim-teknis", "tim-teknis").status()).isEqualTo(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        String away = "absent:\n  - user: tim-teknis\n    from: \"" + today + "\"\n    to: \"" + today.plusDays(2)
                + "\"\n    reason: Dinas luar\n";
        write(ACTING, ORIGINAL_ACTING + away);
        assertThat(reload("admin").status()).isEqualTo(200);
        assertThat(inbox("tim-teknis", "tim-teknis").status()).as("away from today").isEqualTo(403);
        assertThat(lastReload().get("absentAdded").findValuesAsText("reason")).containsExactly("Dinas luar");
        assertThat(api.call(HttpMethod.GET, "/api/admin/staff", null, "admin").body().get("absent")
                .findValuesAsText("user")).containsExactly("tim-teknis");

        // Someone away cannot be appointed acting for the same days: the file is refused, the absence stays
        write(ACTING, ORIGINAL_ACTING + "  - user: tim-teknis\n    actor: kabid-pelayanan\n    kind: PLH\n"
                + "    from: \"" + today.plusDays(1) + "\"\n    to: \"" + today.plusDays(5) + "\"\n" + away);
        Api.Response refused = reload("admin");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("absent[0]: tim-teknis is away " + today + " to "
                + today.plusDays(2) + " but acting[1] appoints them as kabid-pelayanan " + today.plusDays(1) + " to "
                + today.plusDays(5));
        assertThat(inbox("tim-teknis", "tim-teknis").status()).isEqualTo(403);

        write(ACTING, ORIGINAL_ACTING);
        assertThat(reload("admin").status()).isEqualTo(200);
        assertThat(inbox("tim-teknis", "tim-teknis").status()).as("absence withdrawn").isEqualTo(200);
        assertThat(lastReload().get("absentRemoved").findValuesAsText("user")).containsExactly("tim-teknis");
        assertThat(String.join("\n", jdbc.sql("SELECT before_json || ' ' || after_json FROM audit_log"
                        + " WHERE action = 'STAFF_RELOADED' ORDER BY seq").query(String.class).list()))
                .contains("\"absentAdded\":[\"tim-teknis away " + today + " to " + today.plusDays(2)
                        + " (Dinas luar)\"]")
                .contains("\"absentRemoved\":[\"tim-teknis away ");
    }

    @Test
    void aFileTheOfficeCannotRunOnIsRefusedAndChangesNothing() throws IOException {
        write(USERS, ORIGINAL_USERS + "  - username: budi2\n    password: rahasia\n    actors: [front-office]\n");
        Api.Response refused = reload("admin");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("users.yaml").contains("field password");
        assertThat(api.call(HttpMethod.GET, "/api/admin/staff", null, "admin").body().get("problem").asText())
                .contains("field password");
        assertThat(inbox("front-office", "front-office").status()).as("the users in force still work").isEqualTo(200);
        assertThat(inbox("front-office", "budi2").status()).isEqualTo(401);

        write(ACTING, ORIGINAL_ACTING + "  - user: nobody\n    actor: kadis\n    from: \"2027-01-01\"\n"
                + "    to: \"2027-01-02\"\n");
        write(USERS, ORIGINAL_USERS);
        Api.Response acting = reload("admin");
        assertThat(acting.status()).isEqualTo(422);
        assertThat(acting.body().toString()).contains("acting.yaml").contains("'nobody' is not in the users file");

        assertThat(reload("kadis").status()).as("staff who are not IT").isEqualTo(403);
        assertThat(api.call(HttpMethod.GET, "/api/admin/staff", null, "front-office").status()).isEqualTo(403);
    }

    @Test
    void aHubStartsAgainOnAnActingFileNamingARemovedUser() throws IOException {
        // The users file in force lost a user while the hub ran; the acting file still names her. A restart reads
        // both: the appointment gives nobody a role, and the hub starts.
        Path acting = DIR.resolve("acting-restart.yaml");
        Files.writeString(acting, "acting:\n  - user: pensiunan\n    actor: kadis\n    kind: PLT\n"
                + "    from: \"2026-01-01\"\n    to: \"2027-12-31\"\n");
        ActingOfficials restarted = new ActingOfficials(new ActingProperties(acting, ZoneId.of("Asia/Jakarta")),
                directory, catalog, Clock.systemUTC());
        assertThat(restarted.withoutUser()).extracting(ActingOfficials.Appointment::user).containsExactly("pensiunan");
        assertThat(restarted.actingRoles("pensiunan")).containsExactly("kadis");
        assertThat(directory.find("pensiunan")).as("so nobody can log in with the role").isEmpty();
    }

    private static String user(String name, String actor) {
        return "  - username: " + name + "\n    password: \"" + DEMO_HASH + "\"\n    actors: [" + actor + "]\n"
                + "    fullName: Pegawai Baru\n";
    }

    /** Written whole and moved into place, as an editor or a deployment tool saves it. */
    private static void write(Path file, String content) throws IOException {
        Path tmp = DIR.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Api.Response inbox(String actor, String user) {
        return api.call(HttpMethod.GET, "/api/inbox/" + actor, null, user);
    }

    private JsonNode documents(String caseId) {
        return api.call(HttpMethod.GET, "/api/applications/" + caseId + "/documents", null, "backoffice").body();
    }

    private String pdfText(String documentId) throws IOException {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("backoffice", "demo");
        ResponseEntity<byte[]> r = rest.exchange("/api/documents/" + documentId, HttpMethod.GET, new HttpEntity<>(h),
                byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.getBody())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private JsonNode lastReload() {
        return api.call(HttpMethod.GET, "/api/admin/staff", null, "admin").body().get("lastReload");
    }

    private Api.Response reload(String user) {
        return api.call(HttpMethod.POST, "/api/admin/staff/reload", null, user);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
