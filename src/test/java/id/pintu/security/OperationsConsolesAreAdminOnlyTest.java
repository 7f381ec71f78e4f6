package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubTest;
import id.pintu.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Hawtio, Jolokia (which can invoke any MBean: the broker, Camel routes) and the other actuator endpoints that
 * reveal or change the hub are for admins only: 401 without a login, 403 for other staff; health stays public.
 */
@HubTest
class OperationsConsolesAreAdminOnlyTest {

    @Autowired
    TestRestTemplate rest;

    @LocalServerPort
    int port;

    @Test
    void consolesRefuseEveryoneButAdmins() {
        for (String path : new String[] {"/actuator/hawtio", "/actuator/jolokia", "/actuator/jolokia/version",
                "/actuator/prometheus", "/actuator/camelroutes", "/actuator/metrics"}) {
            assertThat(status(path, null)).as(path + " without login").isEqualTo(401);
            assertThat(status(path, "kadis")).as(path + " as kadis").isEqualTo(403);
            assertThat(status(path, "admin")).as(path + " as admin").isNotIn(401, 403);
        }
        assertThat(status("/actuator/health", null)).isEqualTo(200);
    }

    /**
     * The actuator chain read the page session: an admin signed in on the pages reached Jolokia with the session
     * cookie alone, past the check that ends a session whose user changed, and without CSRF. It takes HTTP Basic
     * only now, and a browser's request from another site that would change something is refused.
     */
    @Test
    void consolesTakeNoPageSessionAndNoForeignSitesWrites() throws Exception {
        WebSession admin = WebSession.login(port, "admin");
        assertThat(admin.get("/").statusCode()).as("the page session works on the pages").isEqualTo(200);
        assertThat(admin.get("/actuator/jolokia/version").statusCode()).isEqualTo(401);

        assertThat(jolokiaPost("http://evil.example").statusCode()).isEqualTo(403);
        assertThat(jolokiaPost("http://localhost:" + port).statusCode()).isEqualTo(200);
        assertThat(jolokiaPost(null).statusCode()).as("tools send no Origin").isEqualTo(200);
    }

    /** The survey report carries the applicants' suggestions: for the readers of the survey pages, not every clerk. */
    @Test
    void theSurveyReportIsForItsReaders() {
        for (String path : new String[] {"/api/reports/ikm", "/api/reports/ikm.pdf"}) {
            assertThat(status(path, "front-office")).as(path + " as front-office").isEqualTo(403);
            assertThat(status(path, "kadis")).as(path + " as kadis").isEqualTo(200);
        }
        assertThat(status("/api/reports/sop-evaluation", "front-office")).isEqualTo(200);
    }

    private HttpResponse<String> jolokiaPost(String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/jolokia"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(
                        StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}"));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(String path, String user) {
        HttpHeaders h = new HttpHeaders();
        if (user != null) {
            h.setBasicAuth(user, "demo");
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), String.class).getStatusCode().value();
    }
}
