package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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

    private int status(String path, String user) {
        HttpHeaders h = new HttpHeaders();
        if (user != null) {
            h.setBasicAuth(user, "demo");
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), String.class).getStatusCode().value();
    }
}
