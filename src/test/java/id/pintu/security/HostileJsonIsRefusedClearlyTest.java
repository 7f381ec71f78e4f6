package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Oversized or pathological JSON costs the hub nothing: deep nesting and overlong numbers answer 400 naming the
 * limit, a body over the API limit answers 413 whether or not it declares its length, and afterwards the hub
 * still takes an ordinary application.
 */
@HubTest
class HostileJsonIsRefusedClearlyTest {

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void limitsAnswerWithClearErrorsAndTheHubStaysHealthy() throws Exception {
        String nested = "{\"lampiran\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        HttpResponse<String> deep = post(HttpRequest.BodyPublishers.ofString(nested));
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(deep.body()).contains("exceeds a limit").containsIgnoringCase("nesting depth");

        HttpResponse<String> number = post(HttpRequest.BodyPublishers.ofString("{\"sop\":" + "9".repeat(500) + "}"));
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(number.body()).contains("exceeds a limit").containsIgnoringCase("number");

        // Many small values: a single huge string would meet the string-length limit first.
        String huge = "{\"lampiran\":[" + "1,".repeat(1_100_000) + "1]}";
        HttpResponse<String> declared = post(HttpRequest.BodyPublishers.ofString(huge));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("\"status\":413");

        HttpResponse<String> chunked = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("larger than");

        assertThat(api.submit(Api.application(931)).get("id").asText()).isNotBlank();
        assertThat(api.call(HttpMethod.GET, "/actuator/health", null, null).status()).isEqualTo(200);
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/applications"))
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
