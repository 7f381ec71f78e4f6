package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two deliveries of one hand-over at the same moment (the outbox relay routed it twice around a crash, and two
 * consumers took the copies): the second asked OSS whether it held the key before the first's post had landed, and
 * posted it too. The first claims the call; the second waits for its answer and posts nothing.
 */
@HubTest
class OssRequestDeliveredTwiceAtOncePostsOnceTest extends OssSandboxReset {

    @Autowired
    OssBridge bridge;

    @Test
    void theSecondDeliveryWaitsForTheFirstsAnswer() throws Exception {
        JsonNode submitted = api.submit(Api.application(661));
        String id = submitted.get("id").asText();
        steps.complete(id, 2, "front-office", "complete");
        steps.complete(id, 3, "front-office", null);
        api.awaitTask(id, 4);
        // Step 4 stays open: this test makes the hand-over's request itself and delivers it twice at once
        OssRequest request = bridge.handOver("oss-register", id, submitted.get("sop").asText(),
                api.getCase(id).get("sopVersion").asInt(), 4, 5, "uji-dua-kali-" + id);
        // Each request to OSS takes 0.6 s (the tests wait 1 s for an answer): the two deliveries overlap for certain
        steps.sandbox(Map.of("latencyMs", 600));

        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> deliveries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            deliveries.add(two.submit(() -> {
                go.await();
                bridge.call(request);
                bridge.confirm(request);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> d : deliveries) {
            d.get(60, TimeUnit.SECONDS);
        }
        two.shutdown();

        long posts = 0;
        for (JsonNode r : steps.sandboxRequests(id)) {
            if (r.get("method").asText().equals(request.method())) {
                posts++;
            }
        }
        assertThat(posts).as("posts of %s", request.key()).isEqualTo(1);
        assertThat(steps.oss(id).get("calls")).anySatisfy(c -> {
            assertThat(c.get("method").asText()).isEqualTo(request.method());
            assertThat(c.get("status").asText()).isEqualTo("DONE");
        });
    }
}
