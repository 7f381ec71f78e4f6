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
        OssRequest request = handedOverAtStep4(661);
        // Each request to OSS takes 0.6 s (the tests wait 1 s for an answer): the two deliveries overlap for certain
        steps.sandbox(Map.of("latencyMs", 600));

        assertThat(deliverTwiceAtOnce(request)).as("both deliveries go on").containsOnlyNulls();
        assertThat(posts(request)).as("posts of %s", request.key()).isEqualTo(1);
        assertThat(steps.oss(request.applicationId()).get("calls")).anySatisfy(c -> {
            assertThat(c.get("method").asText()).isEqualTo(request.method());
            assertThat(c.get("status").asText()).isEqualTo("DONE");
        });
    }

    /** OSS refuses the first delivery's post: the second, which waited, takes the refusal and posts nothing. */
    @Test
    void theSecondDeliveryTakesTheFirstsRefusal() throws Exception {
        OssRequest request = handedOverAtStep4(662);
        steps.sandbox(Map.of("latencyMs", 600, "rejectNext", 1));

        assertThat(deliverTwiceAtOnce(request)).as("both deliveries see the refusal")
                .allSatisfy(e -> assertThat(e).isInstanceOf(OssRejectedException.class));
        assertThat(posts(request)).as("posts of %s", request.key()).isEqualTo(1);
    }

    /** A case at step 4, not handed over: the request its hand-over would queue, made here (step 4 stays open). */
    private OssRequest handedOverAtStep4(int i) {
        JsonNode submitted = api.submit(Api.application(i));
        String id = submitted.get("id").asText();
        steps.complete(id, 2, "front-office", "complete");
        steps.complete(id, 3, "front-office", null);
        api.awaitTask(id, 4);
        return bridge.handOver("oss-register", id, submitted.get("sop").asText(),
                api.getCase(id).get("sopVersion").asInt(), 4, 5, "uji-dua-kali-" + id);
    }

    /** Two deliveries of the request at the same moment, each as the route runs it: the call, then its check. */
    private List<Exception> deliverTwiceAtOnce(OssRequest request) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Exception>> deliveries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            deliveries.add(two.submit(() -> {
                go.await();
                try {
                    bridge.call(request);
                    bridge.confirm(request);
                    return null;
                } catch (OssRejectedException e) {
                    return e;
                }
            }));
        }
        go.countDown();
        List<Exception> outcomes = new ArrayList<>();
        for (Future<Exception> d : deliveries) {
            outcomes.add(d.get(60, TimeUnit.SECONDS));
        }
        two.shutdown();
        return outcomes;
    }

    private long posts(OssRequest request) {
        long posts = 0;
        for (JsonNode r : steps.sandboxRequests(request.applicationId())) {
            if (r.get("method").asText().equals(request.method())) {
                posts++;
            }
        }
        return posts;
    }
}
