package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Duration;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.ResponseEntity;

/**
 * What IT watches: readiness with the broker, the database and Camel as components; Prometheus figures of the
 * workflow; Hawtio and Jolokia behind the admin login, with stable JMX names for routes and actor queues.
 */
@HubTest
@DisableJmx(false)
@AutoConfigureObservability
@TestPropertySource(properties = "spring.jmx.enabled=true")
class OperationsEndpointsTest {

    @Autowired
    Api api;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    org.apache.camel.CamelContext camel;

    @Test
    void readinessNamesItsComponents() {
        ResponseEntity<String> r = rest.getForEntity("/actuator/health/readiness", String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> all = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health", String.class);
        assertThat(all.getBody()).contains("\"db\"", "\"jms\"", "\"camelHealth\"");
    }

    @Test
    void prometheusCountsCasesAndShowsQueueDepths() {
        String id = api.submit(Api.application(31)).get("id").asText();
        api.awaitTask(id, 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = rest.withBasicAuth("admin", "demo").getForObject("/actuator/prometheus", String.class);
            assertThat(metrics).contains("pintu_cases_started_total{application=\"pintu-hub\",sop=\"izin-perluasan-usaha-industri\"}");
            assertThat(metrics).contains("pintu_queue_depth{actor=\"kadis\"");
            assertThat(metrics).contains("pintu_inbox_open{actor=\"front-office\"");
        });
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void hawtioAndJolokiaNeedTheAdminAndShowStableNames() throws Exception {
        assertThat(rest.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("front-office", "demo").getForEntity("/actuator/hawtio/", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/hawtio/", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/jolokia/version", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(camel.getRoutes()).extracting(org.apache.camel.Route::getRouteId)
                .contains("izin-perluasan-usaha-industri.step-08-pemberian-rekomendasi", "inbox-kadis");
        // What Hawtio shows of the broker through Jolokia: the broker's MBeans with stable names.
        var queues = java.lang.management.ManagementFactory.getPlatformMBeanServer().queryNames(
                new javax.management.ObjectName("org.apache.activemq.artemis:broker=\"pintu-broker\",*"), null);
        assertThat(queues.toString()).contains("pintu.actor.kadis");
    }
}
