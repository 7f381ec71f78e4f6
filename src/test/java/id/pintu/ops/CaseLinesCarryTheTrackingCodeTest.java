package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A log line written while the hub works on a case carries the case's tracking code and step from the logging
 * context: the REST completion of a step, the queue consumer entering the next step, the mail sent for the case
 * (whose message names only the recipient); and no line of one case carries another case's code.
 */
@HubTest
@ExtendWith(OutputCaptureExtension.class)
class CaseLinesCarryTheTrackingCodeTest {

    private static final Pattern CONTEXT = Pattern.compile("\\[case=(PTU-\\d{2}-[2-9A-HJ-NP-Z]{7})(?: step=(\\d+))?] ");

    @Autowired
    Api api;

    @Test
    void linesOfACaseNameItAndNoOtherCase(CapturedOutput output) {
        JsonNode a = api.submit(Api.application(51));
        JsonNode b = api.submit(Api.application(52));
        for (JsonNode c : List.of(a, b)) {
            JsonNode task = api.awaitTask(c.get("id").asText(), 2);
            assertThat(api.complete(task.get("taskId").asText(), "front-office", "complete").status()).isEqualTo(200);
        }
        api.awaitTask(a.get("id").asText(), 3);
        api.awaitTask(b.get("id").asText(), 3);
        String codeA = a.get("trackingCode").asText();
        String codeB = b.get("trackingCode").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> lines = output.getAll().lines().toList();
            // REST thread, completing step 2.
            assertThat(lines).anyMatch(l -> l.contains("[case=" + codeA + " step=2] ")
                    && l.contains("Case " + codeA + " step 2 completed"));
            // JMS consumer thread of the front office's queue, entering step 3 (the header names step 2).
            assertThat(lines).anyMatch(l -> l.contains("[case=" + codeA + " step=3] ")
                    && l.contains("Case " + codeA + " entered step 3"));
            // Outbox relay: the "received" mail, whose text names only the applicant's address.
            assertThat(lines).anyMatch(l -> l.contains("[case=" + codeB + "] ") && l.contains("Mail diterima:")
                    && l.contains("budi52@contoh.co.id"));
        });
        // Each line that names one of the cases (by code, or by the applicant's address) carries that case.
        for (String line : output.getAll().lines().toList()) {
            Matcher m = CONTEXT.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (line.contains("Case " + codeA) || line.contains("budi51@contoh.co.id")) {
                assertThat(m.group(1)).as("context of: %s", line).isEqualTo(codeA);
            }
            if (line.contains("Case " + codeB) || line.contains("budi52@contoh.co.id")) {
                assertThat(m.group(1)).as("context of: %s", line).isEqualTo(codeB);
            }
        }
    }
}
