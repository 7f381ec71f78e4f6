package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubTest;
import id.pintu.support.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A walk-in form sent twice (a double click while the scans upload, a reload of the answer) registers one case: the
 * second submission waits for the first and is answered with its receipt. A new form registers a new case.
 */
@HubTest
class WalkInRegisteredOnceTest {

    static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    static final String EMAIL = "dua.klik@contoh.co.id";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    id.pintu.mail.MailProperties mail;

    @Test
    void theSameFormTwiceIsOneCase() throws Exception {
        WebSession clerk = WebSession.login(port, "front-office");
        String page = new String(clerk.get("/loket/baru").body(), StandardCharsets.UTF_8);
        Matcher token = FORM_TOKEN.matcher(page);
        assertThat(token.find()).as("the form carries its one-time token").isTrue();
        Map<String, String> fields = Map.of("formToken", token.group(1), "sop", "izin-perluasan-usaha-industri",
                "applicantName", "Dua Klik", "applicantEmail", EMAIL, "companyName", "CV Dua Klik",
                "nib", "9120001234599", "npwp", "012345678901000", "kbli", "10761",
                "address", "Jl. Merdeka 2, Sidikalang");

        List<CompletableFuture<HttpResponse<byte[]>>> both = List.of(post(clerk, page, fields),
                post(clerk, page, fields));
        for (CompletableFuture<HttpResponse<byte[]>> r : both) {
            assertThat(r.get().statusCode()).isEqualTo(302);
            assertThat(r.get().headers().firstValue("Location").orElse("")).endsWith("/loket/tanda-terima");
        }
        HttpResponse<byte[]> reloaded = submit(clerk, page, fields);
        assertThat(reloaded.headers().firstValue("Location").orElse("")).endsWith("/loket/tanda-terima");
        assertThat(cases()).as("one case for one form").isEqualTo(1);
        // The printed receipt's link is on the address applicants open the hub at, not the counter PC's
        String receipt = new String(clerk.get("/loket/tanda-terima").body(), StandardCharsets.UTF_8);
        assertThat(receipt).contains("id=\"receipt-link\" href=\"" + mail.publicUrl("/lacak?kode="));

        String second = new String(clerk.get("/loket/baru").body(), StandardCharsets.UTF_8);
        Matcher next = FORM_TOKEN.matcher(second);
        assertThat(next.find()).isTrue();
        assertThat(next.group(1)).isNotEqualTo(token.group(1));
        Map<String, String> another = new java.util.HashMap<>(fields);
        another.put("formToken", next.group(1));
        assertThat(submit(clerk, second, another).statusCode()).isEqualTo(302);
        assertThat(cases()).as("a new form is a new case").isEqualTo(2);
    }

    private static CompletableFuture<HttpResponse<byte[]>> post(WebSession clerk, String page,
            Map<String, String> fields) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return submit(clerk, page, fields);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The form with one scan, the application letter (a walk-in needs at least one). */
    private static HttpResponse<byte[]> submit(WebSession clerk, String page, Map<String, String> fields)
            throws Exception {
        return clerk.postMultipart("/loket/baru", page, fields, "scans", "surat permohonan.pdf", "application/pdf",
                java.nio.file.Files.readAllBytes(TestFiles.pdf("surat permohonan.pdf", "Surat permohonan")));
    }

    private long cases() {
        return jdbc.sql("SELECT COUNT(*) FROM application WHERE applicant_email = ?").param(EMAIL).query(Long.class)
                .single();
    }
}
