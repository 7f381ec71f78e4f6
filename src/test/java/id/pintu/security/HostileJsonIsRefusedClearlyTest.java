package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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

    /**
     * The public verification takes a raw PDF of up to 20 MB. It was exempt from the body limit and checked the size
     * after Spring had read the whole body into a byte array: an anonymous request declaring gigabytes was read for as
     * long as the client sent. Now the declared length is refused before a byte is read, and an undeclared (chunked)
     * body when it passes the limit.
     */
    @Test
    void aHugeVerificationUploadIsRefusedBeforeItIsRead() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/verify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/pdf\r\n"
                    + "Content-Length: 3000000000\r\nConnection: close\r\n\r\n%PDF-1.7\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Read, the hub would wait for the other 2,999,999,991 bytes; the answer comes without them
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }

        byte[] page = new byte[1024 * 1024];
        InputStream endless = new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent++ < 64L * page.length ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= 64L * page.length) {
                    return -1;
                }
                int n = (int) Math.min(len, 64L * page.length - sent);
                sent += n;
                return n;
            }
        };
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/verify"))
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless))
                .build();
        HttpResponse<String> r = http.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).as("refused by the body limit while read, not after").contains("request body is larger");
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/applications"))
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
