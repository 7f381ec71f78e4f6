package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint under /api, found from the request mappings (so an endpoint added later is covered without
 * touching this test), answers 401 without credentials unless it is on the explicit public list; every
 * /api/admin endpoint answers 403 to a staff member who is not an admin.
 */
@HubTest
class EveryApiEndpointNeedsALoginTest {

    /**
     * The public API: the SOP catalogue (with its versions), intake, the applicant's token-checked tracking and documents, the public
     * verification of issued letters, and OSS's pushes (checked by their shared secret in the controller).
     */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/sops", "GET /api/sops/{code}", "GET /api/sops/{code}/versions",
            "GET /api/sops/{code}/versions/{version}", "POST /api/applications",
            "GET /api/track/{trackingCode}", "POST /api/track/{trackingCode}/confirm",
            "POST /api/track/{trackingCode}/withdraw", "GET /api/documents/{docId}",
            "GET /api/verify/{code}", "POST /api/verify", "POST /api/oss/inbound/{method}");

    @Autowired
    Api api;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyNonPublicApiEndpointAnswers401WithoutCredentials() {
        List<String> endpoints = apiEndpoints();
        assertThat(endpoints).as("the API has endpoints").hasSizeGreaterThan(10);
        List<String> open = new ArrayList<>();
        for (String endpoint : endpoints) {
            if (PUBLIC.contains(endpoint)) {
                continue;
            }
            int status = call(endpoint, null);
            if (status != 401) {
                open.add(endpoint + " -> " + status);
            }
        }
        assertThat(open).as("endpoints that answer without a login").isEmpty();
        assertThat(endpoints).as("the public list names real endpoints").containsAll(PUBLIC);
    }

    @Test
    void adminEndpointsRefuseStaffWhoAreNotAdmins() {
        List<String> admin = apiEndpoints().stream().filter(e -> e.contains(" /api/admin/")).toList();
        assertThat(admin).as("admin endpoints").isNotEmpty();
        for (String endpoint : admin) {
            assertThat(call(endpoint, "kadis")).as(endpoint).isEqualTo(403);
        }
    }

    private int call(String endpoint, String user) {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", "tidak-ada");
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        Object body = method == HttpMethod.GET ? null : "{}";
        return api.call(method, path, body, user).status();
    }

    private List<String> apiEndpoints() {
        List<String> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(m.name() + " " + pattern);
                }
            }
        }
        return endpoints.stream().sorted().toList();
    }
}
