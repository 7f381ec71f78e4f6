package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form of the tracking page sent after its session expired fails its CSRF check: it landed on the staff's
 * refusal page ("you hold no role"), whose link led to the staff login. It goes back to the applicant's tracking page,
 * which asks to send it again.
 */
@HubTest
class TrackingFormAfterTheSessionExpiredTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    @Test
    void anExpiredFormGoesBackToTheTrackingPage() throws Exception {
        JsonNode submitted = api.submit(Api.application(721));
        String code = submitted.get("trackingCode").asText();
        String token = submitted.get("token").asText();
        String query = "kode=" + code + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpClient first = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = first.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lacak?" + query))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();

        // The session gone (a new client without its cookie), the form sent with the page's token
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/lacak/konfirmasi"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/lacak?kode=" + code).contains("kedaluwarsa").doesNotContain("terlarang");
        String back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                location.startsWith("http") ? location : "http://localhost:" + port + location)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(back).contains("id=\"track-expired\"").contains(code);
    }
}
